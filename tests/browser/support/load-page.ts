/**
 * Loads one page and reports what a strict-CSP test asserts on: CSP
 * violations, uncaught page errors, console errors and the visible text.
 * It never evaluates JavaScript in the page's own world, so it works on pages
 * that lock their realm down or poison their intrinsics: Playwright's
 * `page.evaluate` calls the page's `eval`, which throws once hardened mode has
 * locked the page down (inert-evaluators.ts). The violation listener (an init
 * script, so it runs before any page script) keeps its record in an attribute
 * of the root element, read from Playwright's isolated world, and uses only
 * functions it captured before any page script ran, so that a poisoned
 * `Array.prototype.push` cannot blind it.
 */
import type { Browser, Page } from 'playwright-core';

/** What happened while the page loaded. */
export interface PageReport {
  violations: string[];
  pageErrors: string[];
  consoleErrors: string[];
  consoleMessages: string[];
  text: string;
  /** False when `waitForSelector` never matched (the other fields say why). */
  ready: boolean;
}

/** Options for {@link loadPage}. */
export interface LoadPageOptions {
  /** Resolves once the page's own result is on screen (a selector or a text). */
  waitForSelector?: string;
  /** Violations arrive asynchronously; wait until at least this many have been counted. */
  expectViolations?: number;
  timeoutMs?: number;
}

const VIOLATIONS_ATTRIBUTE = 'data-hermetic-csp-violations';

/** The violations recorded so far. */
async function violationsOf(page: Page): Promise<string[]> {
  const record = (await page.getAttribute('html', VIOLATIONS_ATTRIBUTE)) ?? '';
  return record.split('\n').filter((line) => line !== '');
}

/** Opens `url` in a fresh context and collects the report. */
export async function loadPage(browser: Browser, url: string, options: LoadPageOptions = {}): Promise<PageReport> {
  const timeout = options.timeoutMs ?? 15000;
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
    await page.goto(url, { waitUntil: 'load', timeout });
    let ready = true;
    if (options.waitForSelector !== undefined) {
      ready = await page.waitForSelector(options.waitForSelector, { timeout }).then(() => true, () => false);
    }
    // Polled from here: page.waitForFunction would evaluate in the page's world.
    const deadline = Date.now() + timeout;
    while ((await violationsOf(page)).length < (options.expectViolations ?? 0) && Date.now() < deadline) await page.waitForTimeout(50);
    // Violation events are dispatched asynchronously: give late ones a chance to arrive.
    await page.waitForTimeout(150);
    const violations = await violationsOf(page);
    const text = await page.locator('body').innerText();
    return { violations, pageErrors, consoleErrors, consoleMessages, text, ready };
  } finally {
    await context.close();
  }
}
