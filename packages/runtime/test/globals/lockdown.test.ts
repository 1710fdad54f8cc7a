/**
 * Global, Evaluators, hermeticEval and spawn after SES `lockdown()` has
 * frozen the shared intrinsics (issue 3, "hardened deployments"). SES refuses
 * to lock down inside Jest (Node domains are initialised there), so the
 * `hermetic` entry is bundled with esbuild and run in a child Node process
 * that calls `lockdown()` before loading it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const root = resolve(__dirname, '../../../..');

const checks = String.raw`
require('ses');
lockdown({ errorTaming: 'unsafe', overrideTaming: 'severe' });
const { Global, Evaluators, hermeticEval, spawn } = require(process.env.HERMETIC_BUNDLE);
const results = {};
const record = (name, run) => {
  try { results[name] = { value: run() }; } catch (error) { results[name] = { error: error.constructor.name + ': ' + error.message }; }
};
record('frozen intrinsics', () => Object.isFrozen(Object.prototype) && Object.isFrozen(Array));
const g = new Global();
record('global eval', () => g.eval('var v = 1; let l = 2; v + l'));
record('global var property', () => g.v);
record('lexical shared', () => g.eval('l * 10'));
record('global Function', () => new g.Function('a', 'return a + v')(41));
record('prototype shared', () => g.Function.prototype === Function.prototype);
record('globalThis self', () => g.eval('globalThis') === g);
record('syntax-reachable AsyncFunction is tamed', () => g.eval('(async () => {}).constructor("return 1")'));
record('Function.prototype.constructor is tamed', () => g.eval('(function () {}).constructor("return globalThis")()'));
const target = { base: 1 };
const evaluators = new Evaluators({ globalThis: target });
record('evaluators', () => evaluators.eval('var made = base + 1; made') + target.made);
record('harden runtime objects', () => { harden(Global); harden(evaluators); harden(g.Global); return Object.isFrozen(evaluators) && Object.isFrozen(Global); });
record('hardened evaluators still work', () => evaluators.eval('base + 41'));
const hardened = harden(new Global({ keys: ['Math'] }));
record('frozen global reads', () => hardened.eval('Math.max(1, 2)'));
record('frozen global rejects var', () => hardened.eval('var nope = 1'));
record('hermeticEval', () => hermeticEval('typeof globalThis + " " + Math.max(1, 2)'));
const sandbox = spawn({ answer: 42 }, 'strict');
record('spawn eval', () => sandbox.globalThis.eval('answer'));
record('spawn strict', () => sandbox.globalThis.eval('implicit = 1'));
const inside = sandbox.globalThis.eval('({ n: [1, 2, 3] })');
record('spawn object', () => inside.n.length);
record('spawn frozen intrinsic function crossing', () => sandbox.globalThis.eval('Array').isArray(inside.n));
sandbox.deactivate('done');
record('spawn revoked', () => inside.n);
process.stdout.write(JSON.stringify(results));
`;

test('Global, Evaluators, hermeticEval and spawn work after lockdown()', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hermetic-lockdown-'));
  const bundle = join(dir, 'hermetic.cjs');
  buildSync({
    entryPoints: [join(root, 'packages/hermetic/src/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
    packages: 'external',
    // The compiler's sources take createRequire(import.meta.url), which a CommonJS bundle must supply.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    alias: {
      '@hermetic/runtime': join(root, 'packages/runtime/src/index.ts'),
      '@hermetic/module-source': join(root, 'packages/module-source/src/index.ts'),
    },
    logLevel: 'error',
  });
  const script = join(dir, 'checks.cjs');
  writeFileSync(script, checks);
  const output = execFileSync(process.execPath, [script], {
    env: { ...process.env, HERMETIC_BUNDLE: bundle, NODE_PATH: join(root, 'node_modules'), NODE_OPTIONS: '' },
    encoding: 'utf8',
  });
  const results = JSON.parse(output) as Record<string, { value?: unknown; error?: string }>;
  expect(results).toEqual({
    'frozen intrinsics': { value: true },
    'global eval': { value: 3 },
    'global var property': { value: 1 },
    'lexical shared': { value: 20 },
    'global Function': { value: 42 },
    'prototype shared': { value: true },
    'globalThis self': { value: true },
    'syntax-reachable AsyncFunction is tamed': { error: expect.stringMatching(/^TypeError/) },
    'Function.prototype.constructor is tamed': { error: expect.stringMatching(/^TypeError/) },
    evaluators: { value: 4 },
    'harden runtime objects': { value: true },
    'hardened evaluators still work': { value: 42 },
    'frozen global reads': { value: 2 },
    'frozen global rejects var': { error: expect.stringMatching(/^TypeError/) },
    hermeticEval: { value: 'undefined 2' },
    'spawn eval': { value: 42 },
    'spawn strict': { error: expect.stringMatching(/^ReferenceError/) },
    'spawn object': { value: 3 },
    'spawn frozen intrinsic function crossing': { value: true },
    'spawn revoked': { error: expect.stringMatching(/^TypeError: .*deactivated \(done\)/) },
  });
});
