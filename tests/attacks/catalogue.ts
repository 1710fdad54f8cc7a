/**
 * The attacks of the adversarial suite: one hostile package each, under
 * test-fixtures/attacks/packages (issue 9, classes 1–10; docs/security.md).
 */

/** The bundlers the suite builds with. */
export type Bundler = 'esbuild' | 'rollup' | 'vite';

/**
 * Where an attack runs: a bundler's ES-module page in Chromium, esbuild's IIFE bundle as a classic
 * script (sloppy code: esbuild's IIFE output drops module strictness), or `hermetic run` in Node.
 */
export type Route = Bundler | 'esbuild-iife' | 'node';

/** One hostile package and what the suite knows about it. */
export interface Attack {
  /** The package name (also the attack's id in the table and the allow-list). */
  pkg: string;
  /** The issue 9 class (1–10), or 11 for routes found while writing the suite. */
  cls: number;
  /** What it tries, in a few words. */
  title: string;
  /** The routes where the technique exists (default: every bundler and Node). */
  routes?: Route[];
  /** Globals the policy grants it (the technique needs them); otherwise it is granted nothing. */
  grants?: Record<string, true>;
  /**
   * The tolerated route (docs/security.md): a DOM back-reference from a granted DOM or EventTarget API.
   * Its escape is tolerated only when the build warned that the grant is equivalent to granting window.
   */
  domRoute?: true;
  /** A package the root first uses (dynamic import, `use()`) while the attack is armed. */
  victim?: string;
  /**
   * Why a build without the plugin cannot show this attack (it targets Hermetic's own machinery); when
   * absent, the control build must show it ESCAPED, or the attack itself is broken.
   */
  controlNotApplicable?: string;
}

const BROWSER: Route[] = ['esbuild', 'rollup', 'vite'];
const HERMETIC_ONLY = 'it targets Hermetic modules or the bootstrap, which a build without the plugin does not have';

const class6 = (name: string, what: string): Attack => ({
  pkg: `atk-c6-${name}`, cls: 6, title: `${what} replaced before another package's first use`,
  victim: `victim-c6-${name}`, controlNotApplicable: HERMETIC_ONLY,
});

/** Every attack, in table order. */
export const ATTACKS: Attack[] = [
  { pkg: 'atk-c1-bootstrap-import', cls: 1, title: "import('hermetic:bootstrap'), scopeOf('$root$')", controlNotApplicable: HERMETIC_ONLY },
  { pkg: 'atk-c1-bootstrap-require', cls: 1, title: "require('hermetic:bootstrap') from CommonJS", controlNotApplicable: HERMETIC_ONLY },
  { pkg: 'atk-c1-scope-root', cls: 1, title: "import('hermetic:scope:<$root$>')", controlNotApplicable: HERMETIC_ONLY },
  { pkg: 'atk-c1-scope-other', cls: 1, title: "import('hermetic:scope:<victim-granted>')", controlNotApplicable: HERMETIC_ONLY },
  { pkg: 'atk-c1-bootstrap-package', cls: 1, title: "import('@hermetic/bundler-core/bootstrap'), createPackageScopes" },
  { pkg: 'atk-c1-bootstrap-relative', cls: 1, title: 'relative import of node_modules/@hermetic/bundler-core/dist/bootstrap' },
  { pkg: 'atk-c2-template', cls: 2, title: 'import(`victim-secret`)' },
  { pkg: 'atk-c2-comment', cls: 2, title: "import(/*c*/'victim-secret')" },
  { pkg: 'atk-c2-deny-guard-local', cls: 2, title: 'a parameter named $hermetic$deniedImport shadows the deny guard' },
  { pkg: 'atk-c2-cjs-import', cls: 2, title: "import('victim-secret') inside CommonJS" },
  { pkg: 'atk-c2-require-in-esm', cls: 2, title: "require('victim-secret') inside an ES module", routes: ['esbuild', 'vite', 'node'] },
  // esbuild leaves the call to the page, which cannot resolve a bare name (in Node the host's loader can).
  { pkg: 'atk-c2-import-options', cls: 2, title: "import('victim-secret', options): options a bundler cannot read", routes: ['rollup', 'vite', 'node'] },
  { pkg: 'atk-c2-browser-field', cls: 2, title: "its browser field maps './sub.js' to victim-secret", routes: BROWSER },
  { pkg: 'atk-c2-imports-field', cls: 2, title: "its imports field maps '#victim' to victim-secret" },
  { pkg: 'atk-c2-import-meta-glob', cls: 2, title: "Vite import.meta.glob('../victim-secret/*.js')", routes: ['vite'] },
  { pkg: 'atk-c2-computed-chunk', cls: 2, title: 'computed import() of chunk URLs found in stack traces', controlNotApplicable: HERMETIC_ONLY },
  { pkg: 'atk-c2-relative-other', cls: 2, title: "import('../victim-secret/index.js')" },
  { pkg: 'atk-c2-relative-app', cls: 2, title: "import('../../src/root-secret.js') (a module of the app)" },
  { pkg: 'atk-c3-claim-root', cls: 3, title: 'nested package.json named "$root$"' },
  { pkg: 'atk-c3-claim-other', cls: 3, title: 'nested package.json named "victim-granted"' },
  { pkg: 'atk-c3-claim-ses', cls: 3, title: 'nested package.json named "ses"' },
  { pkg: 'atk-c3-claim-hermetic', cls: 3, title: 'nested package.json named "@hermetic/runtime"' },
  { pkg: 'atk-c3-nameless', cls: 3, title: 'nested package.json without a name' },
  { pkg: 'atk-c3-nested-install', cls: 3, title: 'its own node_modules/victim-granted (a copy under a granted name)' },
  { pkg: 'atk-c4-query', cls: 4, title: "import './payload.js?x'", routes: ['esbuild', 'vite', 'node'] },
  { pkg: 'atk-c4-query-file', cls: 4, title: 'a file literally named payload.js?x', routes: ['rollup'] },
  { pkg: 'atk-c4-ext-txt', cls: 4, title: "import './payload.txt' (JavaScript)", routes: ['rollup'] },
  { pkg: 'atk-c4-ext-foo', cls: 4, title: "import './payload.foo' (JavaScript)", routes: ['rollup', 'vite'] },
  { pkg: 'atk-c4-worker-query', cls: 4, title: "Vite './worker.js?worker'", routes: ['vite'], grants: { Worker: true, URL: true, setTimeout: true } },
  { pkg: 'atk-c4-worker-url', cls: 4, title: "new Worker(new URL('./worker.js', import.meta.url))", routes: ['vite'], grants: { Worker: true, URL: true, setTimeout: true } },
  // esbuild reads `<!--` as a comment too; Rollup refuses it in module code.
  { pkg: 'atk-c5-html-comment', cls: 5, title: 'HTML-like comment hides globalThis from Babel (CommonJS)', routes: ['vite'] },
  class6('reflect-apply', 'Reflect.apply'),
  class6('reflect-gopd', 'Reflect.getOwnPropertyDescriptor'),
  class6('object-defineproperty', 'Object.defineProperty'),
  class6('hasownproperty', 'Object.prototype.hasOwnProperty'),
  class6('function-call', 'Function.prototype.call'),
  class6('map-get', 'Map.prototype.get'),
  class6('array-iterator', 'Array.prototype[Symbol.iterator]'),
  { pkg: 'atk-c7-timer-this', cls: 7, title: 'setTimeout callback this (granted setTimeout)', routes: BROWSER, grants: { setTimeout: true } },
  { pkg: 'atk-c7-listener-this', cls: 7, title: 'event listener this (granted addEventListener)', routes: BROWSER, grants: { addEventListener: true } },
  { pkg: 'atk-c7-current-target', domRoute: true, cls: 7, title: 'event.currentTarget (granted addEventListener)', routes: BROWSER, grants: { addEventListener: true } },
  { pkg: 'atk-c7-owner-document', domRoute: true, cls: 7, title: 'createElement().ownerDocument.defaultView (granted document.createElement)', routes: BROWSER, grants: { 'document.createElement': true } },
  { pkg: 'atk-c7-image', domRoute: true, cls: 7, title: 'new Image().ownerDocument.defaultView (granted Image)', routes: BROWSER, grants: { Image: true } },
  { pkg: 'atk-c7-range', domRoute: true, cls: 7, title: 'new Range().startContainer.defaultView (granted Range)', routes: BROWSER, grants: { Range: true } },
  { pkg: 'atk-c7-open', domRoute: true, cls: 7, title: "open('about:blank').opener (granted open)", routes: BROWSER, grants: { open: true } },
  { pkg: 'atk-c7-console', cls: 7, title: 'granted console: replaces console.log for everyone', grants: { console: true } },
  { pkg: 'atk-c8-cjs-object-getter', cls: 8, title: 'CommonJS Object.prototype getter vs the app (is Object.prototype frozen?)' },
  { pkg: 'atk-c10-object-getter', cls: 10, title: "Object.prototype getter catches the app's typeof process", routes: BROWSER },
  { pkg: 'atk-c10-promise-then', cls: 10, title: 'Promise.prototype.then replaced' },
  { pkg: 'atk-c10-array-proto', cls: 10, title: 'Array.prototype.push replaced' },
  { pkg: 'atk-c11-compiler-names', cls: 11, title: 'names the compiler binds ($hg, $hy, $hs, …) read directly', controlNotApplicable: HERMETIC_ONLY },
  // Rollup leaves a data: import to the page, whose CSP refuses it.
  { pkg: 'atk-c11-data-url', cls: 11, title: "import('data:text/javascript,…')", routes: ['esbuild', 'vite', 'node'] },
  { pkg: 'atk-c11-symlink', cls: 11, title: "a symbolic link to another package's file, imported as './link.js'" },
  // ES-module output is strict; esbuild's IIFE output is not, so a receiver-less call's `this` is the host global.
  { pkg: 'atk-c11-sloppy-this', cls: 11, title: "a receiver-less function call's this in sloppy (IIFE) output", routes: ['esbuild-iife'] },
  {
    pkg: 'atk-c11-function-ctor', cls: 11, title: 'Function / AsyncFunction / GeneratorFunction constructors',
    controlNotApplicable: "the page's strict CSP stops string compilation in every browser build; the attack is for Node",
  },
];

/** The packages the root uses besides the attackers. */
export const VICTIMS = ['victim-secret', 'victim-granted', ...ATTACKS.flatMap((attack) => (attack.victim === undefined ? [] : [attack.victim]))];

/** True when `attack` exists on `route` (on esbuild's IIFE bundle when it does on esbuild, or is listed for it). */
export function appliesTo(attack: Attack, route: Route): boolean {
  const routes = attack.routes ?? [...BROWSER, 'node'];
  return routes.includes(route) || (route === 'esbuild-iife' && routes.includes('esbuild'));
}

/** The bundler that builds `route` (`undefined` for Node), and its output format. */
export function bundlerOf(route: Route): { bundler: Bundler; format: 'esm' | 'iife' } | undefined {
  if (route === 'node') return undefined;
  return route === 'esbuild-iife' ? { bundler: 'esbuild', format: 'iife' } : { bundler: route, format: 'esm' };
}

/**
 * The explicit policy of every build: attackers get nothing but their technique's grants, victim-granted
 * and the class 6 victims get fetch, document and process, and no package may import another.
 */
export function attackPolicy(): { resources: Record<string, { globals?: Record<string, true>; packages?: Record<string, true> }> } {
  const resources: Record<string, { globals?: Record<string, true> }> = {};
  for (const attack of ATTACKS) resources[attack.pkg] = attack.grants === undefined ? {} : { globals: attack.grants };
  resources['victim-secret'] = {};
  for (const victim of VICTIMS.slice(1)) resources[victim] = { globals: { fetch: true, document: true, process: true } };
  return { resources };
}
