/**
 * The build-time check of requests between packages (`HermeticBuild#checkRequire`
 * and `#checkRequest`, CONFORMANCE 51): which edges it checks, the policy it
 * checks them against, the stub that replaces a denied target, the edges
 * feeding the generated policy, and a static import only the bundler saw; and
 * the hardened-mode check of a build's output (`#missingLockdownError`).
 */
import { join } from 'node:path';
import { HermeticBuild, type Policy } from '@hermetic/bundler-core';
import { createFixtureApp, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';

let app: FixtureApp;
let importer: string;
let leaf: string;
beforeAll(() => {
  app = createFixtureApp({
    name: 'require-policy',
    fixturePackages: ['policy-cjs-require', 'policy-cjs', 'policy-cjs-leaf', 'policy-greeter'],
    files: { 'src/main.js': `import 'policy-cjs-require';\n`, 'src/legacy.cjs': `require('policy-cjs-leaf');\n` },
  });
  importer = join(app.dir, 'node_modules', 'policy-cjs-require', 'index.js');
  leaf = join(app.dir, 'node_modules', 'policy-cjs-leaf', 'index.js');
});
afterAll(() => app.remove());

function build(options: { policy?: Policy; policyOverride?: Policy; debug?: boolean } = {}): HermeticBuild {
  return new HermeticBuild({ root: app.dir, cacheDir: false, ...options });
}

/** Runs a stub as CommonJS: what `require` of it returns or throws. */
function requireStub(source: string, realRequire: (id: string) => unknown = () => undefined): unknown {
  const module = { exports: {} as unknown };
  // Test-only: the bundler wraps the stub text as a CommonJS module; here we evaluate it the same way.
  new Function('module', 'exports', 'require', source)(module, module.exports, realRequire);
  return module.exports;
}

const ENTRY = '{"resources":{"policy-cjs-require":{"packages":{"policy-cjs-leaf":true}}}}';

test('51: without an explicit policy every require is granted and recorded in the generated policy', () => {
  const core = build();
  expect(core.checkRequire(importer, 'policy-cjs-leaf', { id: leaf, external: false })).toBeUndefined();
  expect(core.checkRequire(importer, 'node:path', { id: 'node:path', external: true })).toBeUndefined();
  expect(core.generatedPolicy().resources['policy-cjs-require']).toEqual({
    packages: { 'policy-cjs-leaf': true },
    builtin: { path: true },
  });
});

test('51: an override alone can revoke a generated grant; the stub throws a HermeticPolicyError naming both packages and the entry', () => {
  const core = build({ policyOverride: { resources: { 'policy-cjs-require': { packages: { 'policy-cjs-leaf': false } } } } });
  const denied = core.checkRequire(importer, 'policy-cjs-leaf', { id: leaf, external: false });
  expect(denied).toBeDefined();
  expect(denied!.warning).toBe(
    'Package "policy-cjs-require" may not require package "policy-cjs-leaf" (node_modules/policy-cjs-require/index.js requires "policy-cjs-leaf"): ' +
      `the Hermetic policy does not allow it. To allow it, add to your policy override: ${ENTRY}`,
  );
  const stub = core.requireStubSource(denied!.stubId)!;
  expect(() => requireStub(stub)).toThrow(expect.objectContaining({ name: 'HermeticPolicyError', message: denied!.warning }));
  expect(core.requireStubSource(leaf)).toBeUndefined();
});

test('51: same-package requires and the root are not checked; a require from a package\'s ES module is', () => {
  const core = build({ policy: { resources: {} } });
  const own = join(app.dir, 'node_modules', 'policy-cjs-require', 'own.js');
  expect(core.checkRequire(importer, './own.js', { id: own, external: false })).toBeUndefined();
  expect(core.checkRequire(join(app.dir, 'src', 'legacy.cjs'), 'policy-cjs-leaf', { id: leaf, external: false })).toBeUndefined();
  const esm = join(app.dir, 'node_modules', 'policy-greeter', 'index.js');
  // esbuild and Rolldown accept require() in an ES module: it reaches another package all the same.
  expect(core.checkRequire(esm, 'policy-cjs-leaf', { id: leaf, external: false })).toBeDefined();
  expect(core.checkRequire(importer, 'policy-cjs-leaf', { id: leaf, external: false })).toBeDefined();
});

test('51: built-in modules follow the builtin entries, dotted members included', () => {
  const core = build({ policy: { resources: { 'policy-cjs-require': { builtin: { 'fs.readFile': true } } } } });
  expect(core.checkRequire(importer, 'node:fs', { id: 'node:fs', external: true })).toBeUndefined();
  const denied = core.checkRequire(importer, 'path', { id: 'path', external: true });
  expect(denied?.warning).toBe(
    'Package "policy-cjs-require" may not require the built-in module "path" (from node_modules/policy-cjs-require/index.js): ' +
      'the Hermetic policy does not allow it. To allow it, add to your policy override: {"resources":{"policy-cjs-require":{"builtin":{"path":true}}}}',
  );
});

test('51: in debug mode the stub logs the denial and hands over the real module', () => {
  const core = build({ policy: { resources: {} }, debug: true });
  const denied = core.checkRequire(importer, 'policy-cjs-leaf', { id: leaf, external: false })!;
  expect(denied.warning).toMatch(/^\[hermetic debug\] allowed despite the policy: Package "policy-cjs-require" may not require package "policy-cjs-leaf"/);
  const logged: unknown[] = [];
  const warn = jest.spyOn(console, 'warn').mockImplementation((message: unknown) => void logged.push(message));
  try {
    const real = { name: 'leaf' };
    expect(requireStub(core.requireStubSource(denied.stubId)!, (id) => (id === leaf ? real : undefined))).toBe(real);
  } finally {
    warn.mockRestore();
  }
  expect(logged).toEqual([denied.warning]);
});

test('a static import the compiler did not list fails the build; one it listed (with its deny module) goes through', async () => {
  const esm = join(app.dir, 'node_modules', 'policy-greeter', 'index.js');
  const core = build({ policy: { resources: {} } });
  // Asked at resolution before the module was compiled: the compiler never saw this import (a parser differential).
  const unseen = core.checkRequest(esm, 'policy-cjs-leaf', { id: leaf, external: false }, 'static');
  expect(unseen.action).toBe('error');
  expect(unseen.action === 'error' ? unseen.message : '').toMatch(
    /^Package "policy-greeter" may not import package "policy-cjs-leaf" .*\nHermetic's compiler found no such import in node_modules\/policy-greeter\/index\.js/s,
  );
  // Compiled with the import: the denial is recorded (and a deny module put first), so the bundler's resolution passes.
  const text = `import 'policy-cjs-leaf';\nexport const x = 1;\n`;
  const compiled = await core.transform(esm, text, async () => ({ id: leaf, external: false }));
  expect(compiled.code.split('\n')[0]).toMatch(/^import "hermetic:deny:/);
  expect(core.checkRequest(esm, 'policy-cjs-leaf', { id: leaf, external: false }, 'static')).toEqual({ action: 'allow' });
  // Debug mode lets an unseen one through (it logs denials instead of failing).
  expect(build({ policy: { resources: {} }, debug: true }).checkRequest(esm, 'policy-cjs-leaf', { id: leaf, external: false }, 'static')).toEqual({ action: 'allow' });
});

test('hardened: an output without SES itself, or without the lockdown() call, is an error; not hardened, nothing is asked', () => {
  const hardened = build({ hardened: true });
  const ses = 'function lockdown(o) { throw new Error("Already locked down (SES_ALREADY_LOCKED_DOWN)"); }';
  expect(hardened.missingLockdownError([ses, 'lockdown({ errorTaming: "unsafe" });'])).toBeUndefined();
  // The call without SES (a bundler dropped the side-effect import), and SES without the call.
  expect(hardened.missingLockdownError(['lockdown({ errorTaming: "unsafe" });'])).toMatch(/^Hermetic: the option hardened is set, but no output file calls SES lockdown\(\)/);
  expect(hardened.missingLockdownError([ses.replace('function lockdown(o)', 'function f(o)')])).toMatch(/hardened is set/);
  expect(build().missingLockdownError([])).toBeUndefined();
});
