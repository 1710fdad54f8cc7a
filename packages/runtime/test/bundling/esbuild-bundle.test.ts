/**
 * The runtime as a bundler sees it: esbuild bundles every public export
 * without a single warning (host-import.ts keeps each `import()` second
 * argument in the literal form bundlers accept), and the host import keeps
 * the host's behaviour for import attributes (CONFORMANCE 34).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { Global } from 'hermetic';

const RUNTIME_ENTRY = resolve(__dirname, '../../src/index.ts');

type Bag = Record<PropertyKey, unknown>;
type GlobalObject = Bag & { eval: (s: string) => unknown };

async function bundleWarnings(contents: string, minify: boolean): Promise<string[]> {
  const result = await build({
    stdin: { contents, resolveDir: resolve(__dirname, '../../src'), sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    minify,
    write: false,
    logLevel: 'silent',
  });
  return result.warnings.map((w) => `${w.id}: ${w.text} (${w.location?.file ?? '?'}:${w.location?.line ?? '?'})`);
}

describe('bundling the runtime with esbuild', () => {
  test('the whole package bundles with zero warnings', async () => {
    expect(await bundleWarnings(`export * from ${JSON.stringify(RUNTIME_ENTRY)};`, false)).toEqual([]);
    expect(await bundleWarnings(`export * from ${JSON.stringify(RUNTIME_ENTRY)};`, true)).toEqual([]);
  });

  test.each(['Global', 'Compartment', 'ModuleSource', 'Module', 'Evaluators', 'installCompiler', 'runScriptRecord'])('%s alone bundles with zero warnings', async (name) => {
    expect(await bundleWarnings(`export { ${name} } from ${JSON.stringify(RUNTIME_ENTRY)};`, true)).toEqual([]);
  });

  test('a non-literal import() options argument would be reported (the check can fail)', async () => {
    const warnings = await bundleWarnings('export const load = (s: string, a: Record<string, string>) => import(s, { with: a });', false);
    expect(warnings.join('\n')).toMatch(/unsupported-dynamic-import/);
  });
});

/** Script evaluation: reachable only through installCompiler (compiler-slot.ts) or runScriptRecord. */
const SCRIPT_MACHINERY = ['script-evaluation.ts', 'global-declarations.ts', 'global-import.ts', 'install-compiler.ts'];

async function bundleOf(contents: string): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    stdin: { contents, resolveDir: resolve(__dirname, '../../src'), sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    outfile: 'runtime.mjs',
    metafile: true,
    logLevel: 'silent',
  });
  // The output's inputs with bytes in it: parsed modules that tree-shaking dropped entirely do not count.
  const [output] = Object.values(result.metafile.outputs);
  const kept = Object.entries(output.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0);
  return { code: result.outputFiles[0].text, inputs: kept.map(([input]) => input.split('/').pop() ?? input) };
}

describe('what a browser bundle of Compartment and ModuleSource carries', () => {
  test('no script evaluation, while installCompiler and runScriptRecord bring it in (the check can fail)', async () => {
    const { inputs } = await bundleOf(`export { Compartment, ModuleSource } from ${JSON.stringify(RUNTIME_ENTRY)};`);
    expect(inputs).toContain('compartment.ts');
    expect(inputs.filter((input) => SCRIPT_MACHINERY.includes(input))).toEqual([]);
    for (const name of ['installCompiler', 'runScriptRecord']) {
      const withScripts = await bundleOf(`export { ${name} } from ${JSON.stringify(RUNTIME_ENTRY)};`);
      expect(withScripts.inputs).toContain('script-evaluation.ts');
    }
  });

  test('the bundle links a precompiled record and throws the documented EvalError for text (items 8, 41)', async () => {
    const { code } = await bundleOf(`export { Compartment, ModuleSource } from ${JSON.stringify(RUNTIME_ENTRY)};`);
    const file = join(mkdtempSync(join(tmpdir(), 'hermetic-bundle-')), 'runtime.mjs');
    writeFileSync(file, code);
    const bundled = (await import(pathToFileURL(file).href)) as { Compartment: new (options: object) => Bag & { evaluate(s: string): unknown; import(s: string): Promise<Bag> }; ModuleSource: new (source: unknown) => object };
    const record = {
      format: 1,
      bindings: [{ export: 'seen' }],
      globals: ['marker'],
      functor: function* ($h: { g: Bag; x(value: unknown, name: string): unknown }) {
        yield [[], { seen: () => seen }, []];
        const seen = $h.g.marker;
        $h.x(void 0, 'seen');
      },
    };
    const c = new bundled.Compartment({ globals: { marker: 'bundled' }, modules: { m: { source: new bundled.ModuleSource(record) } } });
    expect((await c.import('m')).seen).toBe('bundled');
    for (const attempt of [() => c.evaluate('1'), () => (c.globalThis as { eval(s: string): unknown }).eval('1'), () => new bundled.ModuleSource('export default 1')]) {
      expect(attempt).toThrow(EvalError);
      expect(attempt).toThrow(/Precompile the code/);
    }
  });
});

describe('host import() with attributes from a Global without hooks (item 34)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hermetic-host-import-'));
  const jsonFile = join(dir, 'data.json');
  writeFileSync(jsonFile, '{ "answer": 42 }\n');
  const jsonUrl = pathToFileURL(jsonFile).href;

  async function settle(promise: Promise<unknown>): Promise<unknown> {
    try {
      return { value: await promise };
    } catch (error) {
      return { error: (error as Error).constructor.name };
    }
  }

  test("type: 'json' gives the host's own JSON module", async () => {
    const g = new Global() as unknown as GlobalObject;
    const native = (await import(jsonUrl, { with: { type: 'json' } })) as Bag;
    const viaGlobal = (await (g.eval(`import(${JSON.stringify(jsonUrl)}, { with: { type: 'json' } })`) as Promise<Bag>)) as Bag;
    expect(viaGlobal.default).toBe(native.default);
    expect(viaGlobal.default).toEqual({ answer: 42 });
  });

  test('an unknown type and an unknown key reject as the host does', async () => {
    const g = new Global() as unknown as GlobalObject;
    for (const options of [", { with: { type: 'nonsense' } }", ", { with: { type: 'json', flavour: 'x' } }"]) {
      const fresh = pathToFileURL(join(dir, `copy-${options.length}.json`)).href;
      writeFileSync(new URL(fresh), '{}\n');
      const native = await settle(new Function('u', `return import(u${options})`)(fresh) as Promise<unknown>);
      const viaGlobal = await settle(g.eval(`import(${JSON.stringify(fresh)}${options})`) as Promise<unknown>);
      expect(native).toEqual({ error: 'TypeError' });
      expect(viaGlobal).toEqual(native);
    }
  });
});
