/**
 * `import()` in code compiled in place (package code): a literal specifier
 * stays for the bundler to resolve (and Hermetic's plugin to check), a
 * template without substitutions becomes that literal, and any other
 * specifier goes to the scope member `$hd`, which refuses it at run time.
 * The compiled code runs here against a fake `$hd` to show that the
 * specifier and options are evaluated exactly once, in order, and that the
 * host's own module loader is never reached.
 */
import vm from 'node:vm';
import { compileCommonJS, compileModuleInPlace, type ScopePreludeInfo } from '../src/index.js';

/** The ES module scope prelude the tests use: the scope members come from the module "scope". */
const esmPrelude = ({ prefix, uses }: ScopePreludeInfo): string =>
  uses.length === 0 ? '' : `import { ${uses.map((u) => `${u} as ${prefix}${u}`).join(', ')} } from "scope";`;

/** The CommonJS prelude: the members come from the wrapper's `scope` parameter. */
const cjsPrelude = ({ prefix, uses }: ScopePreludeInfo): string =>
  uses.length === 0 ? '' : `var ${uses.map((u) => `${prefix}${u}=scope.${u}`).join(',')};`;

interface Refusal {
  args: unknown[];
}

/** A fake scope: globals from `globals`, and a `d` that records its arguments and rejects. */
function fakeScope(globals: Record<string, unknown>): { scope: Record<string, unknown>; refusals: Refusal[] } {
  const refusals: Refusal[] = [];
  const g = new Proxy(globals, {
    get(target, name) {
      if (typeof name === 'string' && !(name in target)) throw new ReferenceError(`${name} is not defined`);
      return target[name as string];
    },
  });
  const d = (...args: unknown[]): Promise<never> => {
    refusals.push({ args });
    return Promise.reject(new Error(`refused: ${String(args[0])}`));
  };
  return { scope: { g, y: (name: string) => typeof globals[name], d }, refusals };
}

/**
 * Runs an ES module (native or compiled) in a fresh context whose dynamic
 * import hook hands out a "secret" module: what a computed import reaches
 * when the bundler leaves it to the host.
 */
async function runModule(text: string, compile: boolean, globals: Record<string, unknown>): Promise<{ namespace: Record<string, unknown>; refusals: Refusal[]; hostImports: string[] }> {
  const context = vm.createContext({});
  const { scope, refusals } = fakeScope(globals);
  const hostImports: string[] = [];
  const secret = new vm.SyntheticModule(['secret'], function (this: vm.SyntheticModule) {
    this.setExport('secret', 'the host module');
  }, { context });
  const scopeModule = new vm.SyntheticModule(Object.keys(scope), function (this: vm.SyntheticModule) {
    for (const [name, value] of Object.entries(scope)) this.setExport(name, value);
  }, { context });
  const code = compile ? compileModuleInPlace(text, { specifier: 'pkg/main.js', scopePrelude: esmPrelude }).code : `const {${Object.keys(globals).join(',')}} = globalThis.injected;\n${text}`;
  if (!compile) context.injected = globals;
  const main = new vm.SourceTextModule(code, {
    context,
    identifier: 'main.js',
    importModuleDynamically: (async (specifier: string) => {
      hostImports.push(specifier);
      if (secret.status === 'unlinked') {
        await secret.link(() => secret);
        await secret.evaluate();
      }
      return secret;
    }) as unknown as vm.SourceTextModuleOptions['importModuleDynamically'],
  });
  await main.link(() => scopeModule);
  await main.evaluate();
  return { namespace: main.namespace as Record<string, unknown>, refusals, hostImports };
}

/** Runs a CommonJS body compiled in place with the fake scope. */
function runCommonJS(text: string, globals: Record<string, unknown>): { exports: Record<string, unknown>; refusals: Refusal[]; warnings: string[]; code: string } {
  const { scope, refusals } = fakeScope(globals);
  const { code, warnings } = compileCommonJS(text, { specifier: 'pkg/index.js', scopePrelude: cjsPrelude });
  const module = { exports: {} as Record<string, unknown> };
  new Function('scope', 'exports', 'require', 'module', code)(scope, module.exports, () => ({}), module);
  return { exports: module.exports, refusals, warnings, code };
}

/** Records the order of side effects of the specifier and options expressions. */
function tracer(): { log: string[]; globals: Record<string, unknown> } {
  const log: string[] = [];
  return {
    log,
    globals: {
      spec: () => {
        log.push('spec');
        return './secret.js';
      },
      opts: () => {
        log.push('opts');
        return { with: { type: 'json' } };
      },
    },
  };
}

describe('computed import() in an ES module compiled in place', () => {
  test('natively, a computed specifier reaches the host module loader (the attack is real)', async () => {
    const { log, globals } = tracer();
    const { namespace, hostImports } = await runModule('export const got = await import(spec());', false, globals);
    expect(hostImports).toEqual(['./secret.js']);
    expect((namespace.got as { secret: string }).secret).toBe('the host module');
    expect(log).toEqual(['spec']);
  });

  test('compiled, it is refused through $hd: the specifier and options are evaluated once, in order, and the host loader is never called', async () => {
    const { log, globals } = tracer();
    const text = 'export let got;\nexport const done = import(spec(), opts()).then((m) => { got = m; }, (e) => { got = e.message; });';
    const { namespace, refusals, hostImports } = await runModule(text, true, globals);
    await namespace.done;
    expect(hostImports).toEqual([]);
    expect(log).toEqual(['spec', 'opts']);
    expect(refusals).toEqual([{ args: ['./secret.js', 'pkg/main.js:2:21', { with: { type: 'json' } }] }]);
    expect(namespace.got).toBe('refused: ./secret.js');
  });

  test('a computed import() is a warning naming file, line and column', () => {
    const compiled = compileModuleInPlace('const a = "x";\n  export const p = () => import(a + ".js");', { specifier: 'pkg/lazy.js' });
    expect(compiled.warnings).toEqual([
      expect.stringMatching(/^pkg\/lazy\.js:2:26: computed import\(\) in a compartmentalized package is refused at run time: /),
    ]);
    expect(compiled.uses).toContain('d');
    expect(compiled.code).toContain('$hd(a + ".js","pkg/lazy.js:2:26")');
    expect(compiled.hasDynamicImport).toBe(true);
  });

  test('`location` names the file at run time; the warning keeps the specifier', () => {
    const compiled = compileModuleInPlace('import(a);', { specifier: '/home/me/app/node_modules/pkg/m.js', location: 'node_modules/pkg/m.js' });
    expect(compiled.code).toBe('$hd($hg.a,"node_modules/pkg/m.js:1:1");');
    expect(compiled.warnings[0]).toMatch(/^\/home\/me\/app\/node_modules\/pkg\/m\.js:1:1: computed import\(\)/);
    expect(compileCommonJS('import(a);', { specifier: '/x/pkg.js', location: 'pkg.js' }).code).toBe('$hd($hg.a,"pkg.js:1:1");');
  });

  test('a literal with literal attributes stays', () => {
    const text = 'import("./d.json", { with: { type: "json" } }); import("./e.json", { "assert": { "type": "json" }, });';
    expect(compileModuleInPlace(text, { specifier: 'm.js' }).code).toBe(text);
  });

  test('a literal specifier stays as written, comments included; a template without substitutions becomes a literal', () => {
    const text = "export const a = () => import('./a.js');\nexport const b = () => import(/*c*/ './b.js' /*d*/);\nexport const c = () => import(`./c.js`);\nexport const e = () => import(`./\\u0065.js`, { with: {} });";
    const compiled = compileModuleInPlace(text, { specifier: 'pkg/m.js' });
    expect(compiled.code).toBe("export const a = () => import('./a.js');\nexport const b = () => import(/*c*/ './b.js' /*d*/);\nexport const c = () => import(\"./c.js\");\nexport const e = () => import(\"./e.js\", { with: {} });");
    expect(compiled.warnings).toEqual([]);
    expect(compiled.uses).not.toContain('d');
  });

  test.each([
    ['a template with a substitution', 'import(`./${name}.js`)', '$hd(`./${$hg.name}.js`,"m.js:1:1")'],
    ['a parenthesised specifier', 'import(((name)))', '$hd((($hg.name)),"m.js:1:1")'],
    ['a trailing comma', 'import(name,)', '$hd($hg.name,"m.js:1:1",)'],
    ['options and a comment holding a parenthesis', 'import(name /* ) */, opts)', '$hd($hg.name,"m.js:1:1" /* ) */, $hg.opts)'],
    ['a call', 'import(f())', '$hd((0, $hg.f)(),"m.js:1:1")'],
    ['a literal with options esbuild cannot read (it leaves the import() to the run time)', 'import("x", o)', '$hd("x","m.js:1:1", $hg.o)'],
    ['a literal with empty options', 'import("x", {})', '$hd("x","m.js:1:1", {})'],
    ['a literal with computed attributes', 'import("x", { with: o })', '$hd("x","m.js:1:1", { with: $hg.o })'],
    ['a literal with a spread in its options', 'import("x", { ...o })', '$hd("x","m.js:1:1", { ...$hg.o })'],
    ['a literal with a computed attribute value', 'import(`x`, { with: { type: t } })', '$hd(`x`,"m.js:1:1", { with: { type: $hg.t } })'],
    ['a comment before the specifier', 'import /* a */ ( /* b */ name)', '$hd(name,"m.js:1:1")'.replace('name', '$hg.name')],
  ])('%s', (_name, text, expected) => {
    expect(compileModuleInPlace(text, { specifier: 'm.js' }).code).toBe(expected);
  });

  test('the rewritten calls parse and keep their lines', () => {
    const text = 'import(a,\n  b);\nimport(\n  `x`\n);\nimport(c // )\n);';
    const { code } = compileModuleInPlace(text, { specifier: 'm.js' });
    expect(code.split('\n')).toHaveLength(text.split('\n').length);
    expect(() => new vm.SourceTextModule(code)).not.toThrow();
  });
});

describe('computed import() in CommonJS compiled in place', () => {
  test('refused through $hd: the specifier and options are evaluated once, in order', async () => {
    const { log, globals } = tracer();
    const { exports, refusals, warnings } = runCommonJS('exports.p = import(spec(), opts());', globals);
    await expect(exports.p).rejects.toThrow('refused: ./secret.js');
    expect(log).toEqual(['spec', 'opts']);
    expect(refusals).toEqual([{ args: ['./secret.js', 'pkg/index.js:1:13', { with: { type: 'json' } }] }]);
    expect(warnings).toEqual([expect.stringMatching(/^pkg\/index\.js:1:13: computed import\(\) in a compartmentalized package is refused at run time/)]);
  });

  test('a literal stays, a template without substitutions becomes a literal', () => {
    const { code, uses } = compileCommonJS("module.exports = [import('./a.js'), import(`./b.js`)];", { specifier: 'pkg/index.js' });
    expect(code).toBe('module.exports = [import(\'./a.js\'), import("./b.js")];');
    expect(uses).toEqual([]);
  });
});
