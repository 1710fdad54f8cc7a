/**
 * Launches the system Chromium through playwright-core (no browser download:
 * see shared/BROWSER-TESTING.md).
 */
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';

/** Where Debian's package puts the browser; `.ci/run` installs it when missing. */
export const CHROMIUM_PATH = process.env.HERMETIC_CHROMIUM ?? '/usr/bin/chromium';

/** Starts a headless Chromium; throws a clear error when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run 'apt-get install -y chromium' or set HERMETIC_CHROMIUM.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}
