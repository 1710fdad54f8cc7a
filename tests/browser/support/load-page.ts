/**
 * Loads one page and reports what a strict-CSP test asserts on: CSP
 * violations, uncaught page errors, console errors and the visible text.
 */
import type { Browser } from 'playwright-core';

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
    // The browser's own 404 for /favicon.ico is not an app error.
    if (message.type() === 'error' && !/favicon\.ico/.test(message.location().url)) consoleErrors.push(message.text());
  });
  // Registered before any page script runs, so no violation can be missed.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  try {
    await page.goto(url, { waitUntil: 'load', timeout });
    let ready = true;
    if (options.waitForSelector !== undefined) {
      // A page that never gets there is reported (errors, violations, text), not thrown away.
      ready = await page.waitForSelector(options.waitForSelector, { timeout }).then(() => true, () => false);
    }
    if (options.expectViolations !== undefined && options.expectViolations > 0) {
      await page.waitForFunction(
        (n) => (window as unknown as { __cspViolations: string[] }).__cspViolations.length >= n,
        options.expectViolations,
        { timeout },
      );
    }
    // Give late (asynchronous) violation events and errors a chance to arrive.
    await page.waitForTimeout(150);
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.slice());
    const text = await page.evaluate(() => document.body?.innerText ?? '');
    return { violations, pageErrors, consoleErrors, consoleMessages, text, ready };
  } finally {
    await context.close();
  }
}
