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

  test.each(['Global', 'Compartment', 'ModuleSource', 'Module', 'Evaluators'])('%s alone bundles with zero warnings', async (name) => {
    expect(await bundleWarnings(`export { ${name} } from ${JSON.stringify(RUNTIME_ENTRY)};`, true)).toEqual([]);
  });

  test('a non-literal import() options argument would be reported (the check can fail)', async () => {
    const warnings = await bundleWarnings('export const load = (s: string, a: Record<string, string>) => import(s, { with: a });', false);
    expect(warnings.join('\n')).toMatch(/unsupported-dynamic-import/);
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
