/**
 * Loads an attack page and reads what its harness reported. Nothing is evaluated in the page's own world
 * (hardened mode makes its evaluators throw, and attackers poison its intrinsics): Playwright reads the
 * result element from its isolated world.
 */
import type { Browser } from 'playwright-core';

/** The harness's JSON line, or the page's errors when it never reported. */
export interface PageResults {
  json?: string;
  errors: string[];
}

/** Opens `url` in a fresh context and waits for `#attack-results`. */
export async function loadResults(browser: Browser, url: string, timeoutMs = 90000): Promise<PageResults> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon\.ico|__noop/.test(message.location().url)) errors.push(message.text());
  });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    const found = await page.waitForSelector('#attack-results', { timeout: timeoutMs }).then(() => true, () => false);
    return found ? { json: (await page.textContent('#attack-results')) ?? undefined, errors } : { errors };
  } finally {
    await context.close();
  }
}
