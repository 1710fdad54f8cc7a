/**
 * compileModuleInPlace, differentially: the same module graph runs as
 * written in a fresh vm context (Node's own module semantics) and compiled in
 * place in another, where its free references go through a scope object over
 * that context's global; exports, the global's final state and thrown errors
 * must match.
 */
import vm from 'node:vm';
import { compileModuleInPlace } from '../src/index.js';

type Graph = Record<string, string>;

interface Outcome {
  namespace: Record<string, unknown>;
  global: Record<string, unknown>;
  error?: string;
}

const WATCHED = ['present', 'counter', 'made', 'log'];

function freshContext(): { context: vm.Context; global: Record<string, unknown> } {
  const context = vm.createContext({ present: { v: 42 }, counter: 1, log: [] as string[] });
  return { context, global: vm.runInContext('globalThis', context) as Record<string, unknown> };
}

/** The scope object an in-place module reads its globals through (what a bundle's bootstrap provides). */
function scopeModule(context: vm.Context, global: Record<string, unknown>): vm.SyntheticModule {
  const g: Record<string, unknown> = {};
  const names = new Set<string>();
  const scope = new Proxy(g, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      names.add(name);
      if (!(name in global)) throw new (global.ReferenceError as ErrorConstructor)(`${name} is not defined`);
      return global[name];
    },
    set(_target, name, value) {
      if (typeof name === 'string' && !(name in global)) throw new (global.ReferenceError as ErrorConstructor)(`${String(name)} is not defined`);
      global[name as string] = value;
      return true;
    },
  });
  const y = (name: string): string => (name in global ? typeof global[name] : 'undefined');
  return new vm.SyntheticModule(['g', 'y'], function (this: vm.SyntheticModule) {
    this.setExport('g', scope);
    this.setExport('y', y);
  }, { context, identifier: 'scope' });
}

async function run(graph: Graph, compile: boolean): Promise<Outcome> {
  const { context, global } = freshContext();
  const modules = new Map<string, vm.Module>();
  const scope = scopeModule(context, global);
  for (const [name, text] of Object.entries(graph)) {
    const code = compile
      ? compileModuleInPlace(text, { specifier: name, scopePrelude: ({ uses }) => (uses.length === 0 ? '' : `import { ${uses.map((u) => `${u} as $h${u}`).join(', ')} } from "scope";`) }).code
      : text;
    modules.set(name, new vm.SourceTextModule(code, { context, identifier: name }));
  }
  const entry = modules.get('main.js')!;
  await entry.link((specifier) => (specifier === 'scope' ? scope : modules.get(specifier)!));
  const snapshot = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const name of WATCHED) if (name in global) out[name] = typeof global[name] === 'function' ? 'function' : JSON.parse(JSON.stringify(global[name]));
    return out;
  };
  try {
    await entry.evaluate();
  } catch (error) {
    return { namespace: {}, global: snapshot(), error: `${(error as Error).name}: ${(error as Error).message}` };
  }
  return { namespace: JSON.parse(JSON.stringify({ ...(entry.namespace as object) })), global: snapshot() };
}

async function expectSame(graph: Graph): Promise<Outcome> {
  const native = await run(graph, false);
  const compiled = await run(graph, true);
  expect(compiled).toEqual(native);
  return compiled;
}

test('free reads, writes, calls and typeof go through the scope; module variables and imports stay local', async () => {
  const outcome = await expectSame({
    'main.js': `
      import { helper, later } from 'dep.js';
      const local = 1;
      counter += 10;
      counter++;
      present.v = present.v + local;
      export const typeofs = [typeof present, typeof absent, typeof helper, typeof local];
      export const viaHelper = helper();
      export const viaLater = later();
      export const shadowed = ((present) => present)(7);
      log.push('main');
    `,
    'dep.js': `
      export function helper() { return counter * 2; }
      export const later = () => typeof made;
      log.push('dep');
    `,
  });
  expect(outcome.namespace.viaHelper).toBe(24);
});

test('a read or a strict write of an absent global throws a ReferenceError, as natively', async () => {
  await expectSame({ 'main.js': `export const x = 1; missing;` });
  await expectSame({ 'main.js': `made = 1;` });
  await expectSame({ 'main.js': `export let caught; try { made = 1; } catch (e) { caught = e.name; } globalThis.made = 2;` });
});

test('a hoisted function of a module is callable from a cycle partner before its body runs, globals included', async () => {
  const outcome = await expectSame({
    'main.js': `import { early } from 'a.js'; export { early };`,
    'a.js': `import { fromB } from 'b.js'; export const early = fromB; export function usesGlobal() { return present.v + counter; }`,
    'b.js': `import { usesGlobal } from 'a.js'; export const fromB = usesGlobal();`,
  });
  expect(outcome.namespace.early).toBe(43);
});

test('NamedEvaluation survives an assignment to a global; destructuring targets write through', async () => {
  await expectSame({
    'main.js': `globalThis.made = 0; made = function () {}; export const name = made.name; ({ v: counter } = present); export const c = counter;`,
  });
});

test('preserved chains stay as written for a later define step; a module without globals gets no prelude', () => {
  const compiled = compileModuleInPlace(`export const mode = process.env.NODE_ENV; export const other = process.argv;`, {
    preserve: ['process.env.NODE_ENV'],
    scopePrelude: 'import { g as $hg } from "scope";',
  });
  expect(compiled.code).toContain('= process.env.NODE_ENV;');
  expect(compiled.code).toContain('$hg.process.argv');
  expect(compiled.globals).toEqual(['process']);
  const plain = compileModuleInPlace(`import x from 'x'; export default x + 1;`, { scopePrelude: ({ uses }) => (uses.length ? 'bad' : '') });
  expect(plain.code).toBe(`import x from 'x'; export default x + 1;`);
});

test('the prelude goes on line 1 and the source map still points at the original lines', () => {
  const text = `import a from 'a';\nexport const b = a + window.innerWidth;\n`;
  const compiled = compileModuleInPlace(text, { specifier: 'src/m.js', sourceMap: true, scopePrelude: 'import { g as $hg } from "s";' });
  expect(compiled.code.split('\n')[1]).toBe('export const b = a + $hg.window.innerWidth;');
  expect(compiled.map?.sources).toEqual(['src/m.js']);
  expect(compiled.map?.mappings.split(';')).toHaveLength(3);
});

test('syntax errors name the file, line and column', () => {
  expect(() => compileModuleInPlace('export const = 1;', { specifier: 'pkg/bad.js' })).toThrow(/pkg\/bad\.js:1:14/);
  expect(() => compileModuleInPlace('with (a) {}', { specifier: 'pkg/with.js' })).toThrow(SyntaxError);
});

test('directCalls: calls of the listed free names skip the (0, …) that keeps `this` undefined', () => {
  const text = `export const e = Error('x'); export const t = setTimeout(f); export const s = String(1);`;
  const direct = compileModuleInPlace(text, { directCalls: ['Error', 'String'], scopePrelude: '' });
  expect(direct.code).toBe(`export const e = $hg.Error('x'); export const t = (0, $hg.setTimeout)($hg.f); export const s = $hg.String(1);`);
  expect(direct.globals).toEqual(['Error', 'setTimeout', 'f', 'String']);
  expect(compileModuleInPlace(text, { scopePrelude: '' }).code).toContain(`(0, $hg.Error)('x')`);
});
