/**
 * Hostile packages for `hermetic run` (issue 9, class 9): each tries to
 * reach a Node capability its policy does not grant. An attack is a package
 * whose `attack()` returns (or resolves to) what it obtained; the trusted
 * app compares that by identity with the host's own objects.
 */

/** One hostile package. */
export interface NodeAttack {
  /** The package name (`atk-node-…`) and the test's name. */
  name: string;
  /** `cjs`: a CommonJS package; `esm`: an ES module package. */
  kind: 'cjs' | 'esm';
  /** The module's text: it exports `attack`. */
  code: string;
  /** Globals its policy grants (nothing by default). */
  globals?: Record<string, boolean>;
  /** Whether the same package run by plain Node (no Hermetic) escapes, which shows the attack is real. */
  control: boolean;
  /** A CommonJS package without 'use strict'. */
  sloppy?: boolean;
  /** Whether the Hermetic plugin alone, with the host's require in the banner and string compilation allowed, lets it escape. */
  pluginControl?: boolean;
  /** What the attack's containment waits on, when it is not this task's (report it, never skip). */
  waitsOn?: string;
  /** The defence is a build-time refusal: the build of an app holding this package fails with this text. */
  buildError?: string;
}

/** The name of the child_process module spelt so that no bundler can resolve it statically. */
const CHILD_PROCESS = "['child', 'process'].join('_')";

/** The attacks. */
export const NODE_ATTACKS: NodeAttack[] = [
  {
    name: 'atk-node-computed-require',
    kind: 'cjs',
    code: `exports.attack = () => require(${CHILD_PROCESS});`,
    control: true,
    pluginControl: true,
  },
  {
    name: 'atk-node-computed-require-prefixed',
    kind: 'cjs',
    code: `exports.attack = () => require('node:' + ['f', 's'].join(''));`,
    control: true,
    pluginControl: true,
  },
  {
    name: 'atk-node-module-require',
    kind: 'cjs',
    code: `exports.attack = () => module.require(${CHILD_PROCESS});`,
    control: true,
    pluginControl: true,
  },
  {
    name: 'atk-node-require-cache',
    kind: 'cjs',
    // Any cached module's own require is the host's.
    code: `exports.attack = () => Object.values(require.cache).find((m) => m && typeof m.require === 'function').require(${CHILD_PROCESS});`,
    control: true,
  },
  {
    name: 'atk-node-require-cache-exports',
    kind: 'cjs',
    // Another package's exports, read out of the module cache.
    code: `exports.attack = () => Object.values(require.cache).map((m) => m.exports).find((e) => e && e.victimSecret === true);`,
    control: true,
  },
  {
    name: 'atk-node-module-load',
    kind: 'cjs',
    code: `exports.attack = () => module.constructor._load(${CHILD_PROCESS});`,
    control: true,
  },
  {
    name: 'atk-node-require-module',
    kind: 'cjs',
    // A literal require of a denied built-in, then the loader it offers.
    code: `exports.attack = () => require('module').createRequire(__filename)(${CHILD_PROCESS});`,
    control: true,
  },
  {
    name: 'atk-node-wrapper-arguments',
    kind: 'cjs',
    // Node's CommonJS wrapper passes (exports, require, module, __filename, __dirname).
    code: `const wrapper = arguments;\nexports.attack = () => wrapper[1](${CHILD_PROCESS});`,
    control: true,
  },
  {
    name: 'atk-node-function-constructor-cjs',
    kind: 'cjs',
    code: `exports.attack = () => (function () {}).constructor('return globalThis')();`,
    control: true,
    pluginControl: true,
  },
  {
    name: 'atk-node-async-function-constructor',
    kind: 'cjs',
    code: `exports.attack = () => (async () => {}).constructor('return process')();`,
    control: true,
    pluginControl: true,
  },
  {
    name: 'atk-node-sloppy-this',
    kind: 'cjs',
    sloppy: true,
    // A sloppy function called without a receiver gets the global object as `this`.
    code: `exports.attack = () => (function () { return this; })();`,
    control: true,
  },
  {
    name: 'atk-node-sloppy-top-level-this',
    kind: 'cjs',
    sloppy: true,
    // Node's top-level `this` is module.exports; a bundler's CommonJS wrapper may call the module without a receiver.
    code: `var self = this;\nexports.attack = () => (self === exports ? undefined : self);`,
    control: false,
  },
  {
    name: 'atk-node-function-constructor-esm',
    kind: 'esm',
    code: `export const attack = () => (function* () {}).constructor('yield globalThis')().next().value;`,
    control: true,
    pluginControl: true,
  },
  {
    name: 'atk-node-cjs-import-literal',
    kind: 'cjs',
    code: `exports.attack = () => import('node:child_process');`,
    control: true,
    waitsOn: 'lead: the esbuild plugin checks resolved dynamic imports (kind dynamic-import, CommonJS importer) in onResolve',
  },
  {
    name: 'atk-node-cjs-import-computed',
    kind: 'cjs',
    code: `exports.attack = () => import('node:' + ${CHILD_PROCESS});`,
    control: true,
    waitsOn: 'compiler engineer: compileCommonJS turns a computed import(expr) into a rejection',
  },
  {
    name: 'atk-node-import-literal',
    kind: 'esm',
    code: `export const attack = () => import('node:child_process');`,
    control: true,
    waitsOn: 'lead: the esbuild plugin checks resolved dynamic imports of built-ins (kind dynamic-import) in onResolve',
  },
  {
    name: 'atk-node-import-template',
    kind: 'esm',
    code: 'export const attack = () => import(`node:child_process`);',
    control: true,
    waitsOn: 'lead: the esbuild plugin checks resolved dynamic imports of built-ins (kind dynamic-import) in onResolve',
  },
  {
    name: 'atk-node-import-template-computed',
    kind: 'esm',
    code: `const name = ${CHILD_PROCESS};\nexport const attack = () => import(\`node:\${name}\`);`,
    control: true,
    waitsOn: 'compiler engineer: compileModuleInPlace turns a computed import(expr) into a rejection',
  },
  {
    name: 'atk-node-import-data-url',
    kind: 'esm',
    // esbuild bundles a data: URL module as it is, uncompiled: its globalThis is the host's.
    code: `export const attack = () => import('data:text/javascript,export default globalThis');`,
    control: true,
    buildError: 'Package "atk-node-import-data-url" (node_modules/atk-node-import-data-url/index.js) imports a URL ("data:text/javascript,export default globalThis")',
  },
  {
    name: 'atk-node-env-write',
    kind: 'cjs',
    globals: { 'process.env': true },
    // Reported through the host's environment, which the app reads after the attack.
    code: `exports.attack = () => { process.env.HERMETIC_ATTACK_ENV = 'written by a package'; return undefined; };`,
    control: true,
  },
  {
    name: 'atk-node-banner-names-esm',
    kind: 'esm',
    // The names the Node banner declares, which only Hermetic's own modules may use.
    code: `export const attack = () => { for (const get of [() => $hermeticNodeBuiltin, () => $hermeticCreateRequire, () => require]) { try { return get()(${CHILD_PROCESS}); } catch {} } throw new Error('none reachable'); };`,
    control: false,
  },
  {
    name: 'atk-node-banner-names-cjs',
    kind: 'cjs',
    code: `exports.attack = () => { for (const get of [() => $hermeticNodeBuiltin, () => $hermeticCreateRequire(__filename)]) { try { return get()(${CHILD_PROCESS}); } catch {} } throw new Error('none reachable'); };`,
    control: false,
  },
];

/** A CommonJS package whose exports another package tries to steal. */
export const VICTIM = { name: 'victim-node-secret', code: 'exports.victimSecret = true;' };

/**
 * The trusted app: imports every attacker, runs each attack, and prints one
 * JSON line: attack name → the host capability it obtained (`escaped`), or
 * what it got instead.
 */
export function appSource(attacks: NodeAttack[]): string {
  const imports = attacks.map((attack, i) => `import * as attack${i} from '${attack.name}';`).join('\n');
  const table = attacks.map((attack, i) => `  ['${attack.name}', attack${i}],`).join('\n');
  return `import { createRequire } from 'node:module';
import victim from '${VICTIM.name}';
${imports}

const hostRequire = createRequire(import.meta.url);
const capabilities = new Map([
  [hostRequire('node:child_process'), 'child_process'],
  [hostRequire('node:fs'), 'fs'],
  [hostRequire('node:module'), 'module'],
  [process, 'process'],
  [globalThis, 'globalThis'],
  [victim, 'another package\\'s exports'],
]);
const attacks = [
${table}
];
const results = {};
for (const [name, module] of attacks) {
  try {
    const value = await (module.attack ?? module.default.attack)();
    const held = capabilities.get(value) ?? (value == null ? undefined : capabilities.get(value.default));
    results[name] = held === undefined ? { got: value === undefined ? 'undefined' : typeof value } : { escaped: held };
  } catch (error) {
    results[name] = { threw: String(error && error.message).slice(0, 300) };
  }
}
if (process.env.HERMETIC_ATTACK_ENV !== undefined) results['atk-node-env-write'] = { escaped: 'process.env' };
console.log(JSON.stringify(results));
`;
}
