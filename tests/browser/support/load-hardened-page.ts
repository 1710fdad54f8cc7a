/**
 * Loads a page whose code may lock the realm down or poison its intrinsics,
 * and reports what load-page.ts reports. It never evaluates JavaScript in the
 * page's own world: Playwright's `page.evaluate` calls the page's `eval`,
 * which hardened mode disables (SES `evalTaming: "no-eval"`). The violation
 * listener (an init script, so it runs before any page script) keeps its
 * record in an attribute of the root element, read from Playwright's
 * isolated world, and uses only functions it captured before any page
 * script ran, so that a poisoned `Array.prototype.push` cannot blind it.
 */
import type { Browser } from 'playwright-core';
import type { PageReport } from './load-page.js';

const VIOLATIONS_ATTRIBUTE = 'data-hermetic-csp-violations';

/** Opens `url` in a fresh context, waits for `selector`, and collects the report. */
export async function loadHardenedPage(browser: Browser, url: string, selector: string, timeoutMs = 15000): Promise<PageReport> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const consoleMessages: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  page.on('console', (message) => {
    consoleMessages.push(`${message.type()}: ${message.text()}`);
    if (message.type() === 'error' && !/favicon\.ico/.test(message.location().url)) consoleErrors.push(message.text());
  });
  await page.addInitScript((attribute: string) => {
    const apply = Reflect.apply;
    const setAttribute = Element.prototype.setAttribute;
    const root = Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement')?.get;
    const addEventListener = EventTarget.prototype.addEventListener;
    let record = '';
    apply(addEventListener, document, ['securitypolicyviolation', (event: SecurityPolicyViolationEvent) => {
      record += `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}\n`;
      if (root !== undefined) apply(setAttribute, apply(root, document, []), [attribute, record]);
    }]);
  }, VIOLATIONS_ATTRIBUTE);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    const ready = await page.waitForSelector(selector, { timeout: timeoutMs }).then(() => true, () => false);
    // Violation events are dispatched asynchronously: give late ones a chance to arrive.
    await page.waitForTimeout(150);
    const record = (await page.getAttribute('html', VIOLATIONS_ATTRIBUTE)) ?? '';
    const violations = record.split('\n').filter((line) => line !== '');
    const text = await page.locator('body').innerText();
    return { violations, pageErrors, consoleErrors, consoleMessages, text, ready };
  } finally {
    await context.close();
  }
}
