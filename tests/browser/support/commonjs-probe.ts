/**
 * The probe app of the CommonJS confinement tests (test-fixtures/packages/
 * policy-cjs, denied `fetch`), run in Node, and what it must print.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { buildInChild, type BuildSpec } from './build-in-child.js';

/** src/main.js of the probe app: prints what the CommonJS package sees next to what the host has. */
export const COMMONJS_PROBE_MAIN = [
  `import { sum, probeFetch, probeAliased, probeRead, probeSloppyThis, probeSloppyWrite } from 'policy-cjs';`,
  `console.log(JSON.stringify({ sum: sum(2, 3), fetch: probeFetch(), aliased: probeAliased(), read: probeRead(),`,
  `  sloppyThis: probeSloppyThis(), write: probeSloppyWrite(), hostLeak: typeof globalThis.cjsLeak, host: typeof fetch }));`,
  '',
].join('\n');

/** Runs a built file with Node; resolves with its stdout. */
export function runNode(file: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [file], { timeout: 60000 }, (error, stdout, stderr) => (error ? fail(new Error(`${error.message}\n${stderr}`)) : done(stdout)));
  });
}

/**
 * Builds the probe app in `appDir` with `bundler` into `outDir`, `fetch`
 * denied to policy-cjs by an override, runs it, and checks what it printed
 * ({@link expectCommonJSConfined}).
 */
export async function expectProbeConfinedWhenBuilt(bundler: BuildSpec['bundler'], appDir: string, outDir: string): Promise<void> {
  await buildInChild({
    bundler, appDir, entry: 'src/main.js', outDir, hermetic: true,
    options: { policyOverride: { resources: { 'policy-cjs': { globals: { fetch: false } } } } },
  });
  expectCommonJSConfined(JSON.parse(await runNode(join(outDir, 'main.js'))) as Record<string, unknown>);
}

/** The package works, cannot see fetch by any route, and leaks nothing to the host. */
export function expectCommonJSConfined(result: Record<string, unknown>): void {
  expect(result).toEqual({
    sum: 5,
    fetch: 'undefined',
    aliased: 'undefined',
    read: expect.stringMatching(/^ReferenceError: fetch is not defined in package "policy-cjs".*"policy-cjs":\{"globals":\{"fetch":true\}\}/),
    sloppyThis: 'undefined',
    // Sloppy output: the write is ignored by the package's frozen global; strict (ES module) output: it throws.
    write: expect.stringMatching(/^(undefined|ReferenceError)$/),
    hostLeak: 'undefined',
    host: 'function',
  });
}
