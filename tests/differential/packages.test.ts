/**
 * Real packages (issue 2 "Done when"): every module of lodash-es and preact
 * compiles, and API scripts run through Hermetic give the same results as
 * native Node (same observation as the graph corpus: namespace snapshot,
 * `__log`, errors).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runNative } from './support/run-native.js';
import { runHermetic } from './support/run-hermetic.js';
import { runHermeticBatch, removeHermeticBundle } from './support/run-hermetic-child.js';
import { expectSameOutcome } from './support/expect-same-outcome.js';
import { NODE_MODULES, resolvePackages } from './support/package-resolve.js';

interface CompileResult {
  bindings: unknown[];
  code: string;
  globals: string[];
}
type CompileModule = (text: string, options: { specifier?: string; sourceMap?: boolean }) => CompileResult;

async function loadCompiler(): Promise<CompileModule> {
  return ((await import('@hermetic/module-source')) as unknown as { compileModule: CompileModule }).compileModule;
}

const lodashDir = path.join(NODE_MODULES, 'lodash-es');
const lodashFiles = readdirSync(lodashDir).filter((f) => f.endsWith('.js')).sort();
const preactFiles = ['preact/dist/preact.module.js', 'preact/hooks/dist/hooks.module.js'].map((f) => path.join(NODE_MODULES, f));
const scripts = path.join(__dirname, 'packages');

/** Turns the record text into the record, as a bundler embedding it would (format: 'module' → strip `export default`). */
function recordFromCode(code: string): { bindings: unknown[]; functor: unknown } {
  const body = code.replace(/^\s*export default\s*/, '').replace(/;\s*(\/\/# sourceMappingURL=.*)?\s*$/, '');
  return new Function(`return (${body});`)() as { bindings: unknown[]; functor: unknown };
}

describe('compiling real packages (issue 2)', () => {
  test(`all ${lodashFiles.length} lodash-es modules and preact's module builds compile into records with a real functor`, async () => {
    const compileModule = await loadCompiler();
    const failures: string[] = [];
    for (const file of [...lodashFiles.map((f) => path.join(lodashDir, f)), ...preactFiles]) {
      try {
        const result = compileModule(readFileSync(file, 'utf8'), { specifier: pathToFileURL(file).href });
        const record = recordFromCode(result.code);
        if (typeof record.functor !== 'function') throw new Error('record has no functor');
        expect(record.bindings).toEqual(result.bindings);
      } catch (error) {
        failures.push(`${path.relative(NODE_MODULES, file)}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(lodashFiles.length).toBeGreaterThan(600);
  });

  test('preact: the files Node resolves (dist/*.mjs) are byte-identical to the .module.js builds Hermetic loads', () => {
    const read = (f: string) => readFileSync(path.join(NODE_MODULES, f), 'utf8');
    expect(read('preact/dist/preact.mjs')).toBe(read('preact/dist/preact.module.js'));
    expect(read('preact/hooks/dist/hooks.mjs')).toBe(read('preact/hooks/dist/hooks.module.js'));
  });
});

describe('real packages run natively and through Hermetic give the same results', () => {
  const cases: Array<[string, string]> = [
    ['lodash-es API script (~45 calls, chaining through the lodash.js default export)', path.join(scripts, 'lodash-api.js')],
    ['lodash-es template() with the variable option (through the compartment Function)', path.join(scripts, 'lodash-template.js')],
    ['lodash-es lodash.js namespace: every export, its name and arity', path.join(lodashDir, 'lodash.js')],
    ['preact: h/createElement/cloneElement, options, class components and hooks rendered into a fake DOM', path.join(scripts, 'preact-api.js')],
    ['preact.module.js namespace', preactFiles[0]!],
    ['preact hooks.module.js namespace', preactFiles[1]!],
  ];

  async function checkPackageScript(entry: string): Promise<void> {
    const native = await runNative(entry);
    expect(native.status).toBe('fulfilled');
    const hermetic = await runHermetic(entry, { resolve: resolvePackages });
    expectSameOutcome(hermetic, native);
  }

  test.each(cases)('%s', (_label, entry) => checkPackageScript(entry));

  // KNOWN DIFFERENCE (compiler, compileScript): lodash's default template()
  // builds a sloppy function whose body is `with (obj) { ... }`; the
  // compartment's Function rejects it ("'with' statements are not supported
  // by Hermetic"). `test.failing` keeps CI green while the difference exists
  // and turns red once it is fixed (then make it a plain test).
  test.failing('lodash-es template() default form (sloppy Function with `with`, through the compartment Function) — KNOWN DIFFERENCE', () =>
    checkPackageScript(path.join(scripts, 'lodash-template-with.js')),
  );

  test('importing lodash.js through Hermetic loads (nearly) every lodash-es module', async () => {
    const loaded = new Set<string>();
    const outcome = await runHermetic(path.join(lodashDir, 'lodash.js'), { resolve: resolvePackages, onLoad: (s) => loaded.add(s) });
    expect(outcome.status).toBe('fulfilled');
    const lodashLoaded = [...loaded].filter((s) => s.includes('/lodash-es/'));
    // Every file except the CommonJS-free leftovers nothing imports.
    expect(lodashLoaded.length).toBeGreaterThan(lodashFiles.length * 0.9);
  });
});

describe('real packages on the compiler-less runtime (CSP path: records compiled ahead of time, no Function/eval)', () => {
  afterAll(() => removeHermeticBundle());

  const cspCases: Array<[string, string]> = [
    ['lodash-es API script', path.join(scripts, 'lodash-api.js')],
    ['lodash-es lodash.js namespace', path.join(lodashDir, 'lodash.js')],
    ['preact + hooks on a fake DOM', path.join(scripts, 'preact-api.js')],
    ['preact.module.js namespace', preactFiles[0]!],
    ['preact hooks.module.js namespace', preactFiles[1]!],
  ];

  test('with `self` on the compartment global (as browser policies grant it, item 52) every script gives the native results', async () => {
    const entries = cspCases.map(([, entry]) => entry);
    const [native, hermetic] = await Promise.all([Promise.all(entries.map((entry) => runNative(entry))), runHermeticBatch(entries, { precompiled: true, selfGlobal: true })]);
    cspCases.forEach(([label], i) => {
      try {
        expectSameOutcome(hermetic[i]!, native[i]!);
      } catch (error) {
        if (error instanceof Error) error.message = `${label}:\n${error.message}`;
        throw error;
      }
    });
  });

  test('the same with a frozen global on both sides (read-once globals): lodash-es API script and namespace', async () => {
    const entries = [path.join(scripts, 'lodash-api.js'), path.join(lodashDir, 'lodash.js')];
    const [native, hermetic] = await Promise.all([
      Promise.all(entries.map((entry) => runNative(entry, { frozenGlobal: true }))),
      runHermeticBatch(entries, { precompiled: true, selfGlobal: true, frozenGlobal: true }),
    ]);
    expect(native.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    entries.forEach((_entry, i) => expectSameOutcome(hermetic[i]!, native[i]!));
  });

  test('without `self` or `global`, lodash-es falls back to Function("return this") and the CSP runtime refuses it with the documented EvalError', async () => {
    const [outcome] = await runHermeticBatch([path.join(lodashDir, 'lodash.js')], { precompiled: true });
    expect(outcome).toMatchObject({ status: 'rejected', error: 'EvalError', bodyRanBeforeError: false });
    expect(outcome!.errorMessage).toMatch(/[Pp]recompile/);
  });
});

