/**
 * The CommonJS `require` policy cases (CONFORMANCE 51 for requires), shared
 * by the bundler plugins' tests: an app whose CommonJS package
 * `policy-cjs-require` requires `policy-cjs` (granted by the policy) and
 * `policy-cjs-leaf` (not granted), built in a child process by the real
 * bundler and run with Node.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { buildInChild, type BuildSpec } from './build-in-child.js';
import { createFixtureApp, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';

const MAIN = [
  `import { own, requireGranted, requireDenied } from 'policy-cjs-require';`,
  `console.log(JSON.stringify({ own: own(), granted: requireGranted(), denied: requireDenied() }));`,
  '',
].join('\n');

/** Grants policy-cjs-require the package policy-cjs only. */
const POLICY = {
  resources: {
    'policy-cjs-require': { packages: { 'policy-cjs': true } },
    'policy-cjs': {},
    'policy-cjs-leaf': {},
  },
};

/** The denial, with the exact entry to add. */
const DENIAL =
  'Package "policy-cjs-require" may not require package "policy-cjs-leaf" ' +
  '(node_modules/policy-cjs-require/index.js requires "policy-cjs-leaf"): the Hermetic policy does not allow it. ' +
  'To allow it, add to your policy override: {"resources":{"policy-cjs-require":{"packages":{"policy-cjs-leaf":true}}}}';

function runNode(file: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [file], { timeout: 60000 }, (error, stdout, stderr) => (error ? fail(new Error(`${error.message}\n${stderr}`)) : done({ stdout, stderr })));
  });
}

/** Defines the cases for `bundler` (call at a test file's top level). */
export function commonJSRequireCases(bundler: BuildSpec['bundler']): void {
  let app: FixtureApp;
  beforeAll(() => {
    app = createFixtureApp({
      name: `${bundler}-cjs-require`,
      fixturePackages: ['policy-cjs-require', 'policy-cjs', 'policy-cjs-leaf'],
      files: { 'src/main.js': MAIN },
    });
  });
  afterAll(() => app.remove());

  async function buildAndRun(name: string, options: Record<string, unknown>): Promise<{ result: unknown; stderr: string; warnings: string[] }> {
    const outDir = join(app.dir, name);
    const report = await buildInChild({ bundler, appDir: app.dir, entry: 'src/main.js', outDir, hermetic: true, node: true, options });
    const { stdout, stderr } = await runNode(join(outDir, 'main.js'));
    return { result: JSON.parse(stdout.trim().split('\n').pop() ?? ''), stderr, warnings: report.warnings ?? [] };
  }

  test('51: a require the policy does not grant throws, when required, an error naming both packages and the entry to add; the build warns with the same text', async () => {
    const { result, warnings } = await buildAndRun('dist-denied', { policy: POLICY });
    expect(result).toEqual({ own: 'own', granted: 5, denied: `HermeticPolicyError: ${DENIAL}` });
    expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining(DENIAL)]));
  }, 180000);

  test('51: in debug mode the denied require goes through and the denial is logged', async () => {
    const { result, stderr, warnings } = await buildAndRun('dist-debug', { policy: POLICY, debug: true });
    expect(result).toEqual({ own: 'own', granted: 5, denied: 'leaf' });
    expect(stderr).toContain(`[hermetic debug] allowed despite the policy: ${DENIAL}`);
    expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining(DENIAL)]));
  }, 180000);

  test('51: the entry the error names, added as an override, grants the require', async () => {
    const override = { resources: { 'policy-cjs-require': { packages: { 'policy-cjs-leaf': true } } } };
    const { result, warnings } = await buildAndRun('dist-override', { policy: POLICY, policyOverride: override });
    expect(result).toEqual({ own: 'own', granted: 5, denied: 'leaf' });
    expect(warnings.filter((text) => text.includes('may not require'))).toEqual([]);
  }, 180000);
}
