/**
 * CommonJS bodies in compartments (CONFORMANCE 50–52): the bootstrap's
 * `scopeOf` gives a compiled CommonJS body its package's global scope, denials
 * included, and HermeticBuild compiles CommonJS files of packages
 * (not the root's) and feeds their globals to the generated policy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileCommonJS } from '@hermetic/module-source';
import { HermeticBuild } from '@hermetic/bundler-core';
import { createPackageScopes } from '../src/bootstrap/index.js';
import { createFixtureApp, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';

function makeHost(): Record<string, unknown> {
  return {
    console: { log: () => 'logged' },
    fetch: () => 'fetched',
    hostOnly: 1,
  };
}

function appWith(host: object) {
  return createPackageScopes({ policy: { resources: { pkg: { globals: { console: true } } } }, host });
}

/** Runs CommonJS `text` of package `pkg` as a bundler would: compiled, in its wrapper, with the bootstrap as `hermetic:bootstrap`. */
function runCommonJS(text: string, host: object): Record<string, unknown> {
  const app = appWith(host);
  const { code } = compileCommonJS(text, {
    scopePrelude: ({ prefix, strict, uses }) =>
      `var ${prefix}s=require("hermetic:bootstrap").scopeOf("pkg",${strict})${uses.map((u) => `,${prefix}${u}=${prefix}s.${u}`).join('')};`,
  });
  const module = { exports: {} as Record<string, unknown> };
  const require = (id: string): unknown => (id === 'hermetic:bootstrap' ? app : undefined);
  // Test-only: a bundler's CommonJS wrapper around the compiled body.
  new Function('exports', 'require', 'module', code).call(module.exports, module.exports, require, module);
  return module.exports;
}

test('50: a CommonJS body reads granted globals, a denied one is absent with the policy error, typeof says undefined', () => {
  const host = makeHost();
  const out = runCommonJS(`
    exports.log = console.log();
    exports.typeofFetch = typeof fetch;
    try { fetch(); } catch (e) { exports.error = e.message; }
    exports.aliased = typeof globalThis.fetch;
    exports.own = globalThis === this ? 'module' : typeof globalThis;
  `, host);
  expect(out.log).toBe('logged');
  expect(out.typeofFetch).toBe('undefined');
  expect(out.error).toMatch(/^fetch is not defined in package "pkg".*\{"resources":\{"pkg":\{"globals":\{"fetch":true\}\}\}\}/);
  expect(out.aliased).toBe('undefined');
  expect(out.own).toBe('object');
});

test('51/52: globalThis and a sloppy function\'s this are the package\'s global; sloppy writes stay out of the host, strict ones throw', () => {
  const host = makeHost();
  const out = runCommonJS(`
    exports.notHost = globalThis.hostOnly === undefined && globalThis.console !== undefined;
    exports.sloppyThis = (function () { return this === globalThis; })();
    leaked = 1;
    exports.leaked = typeof globalThis.leaked;
    exports.strict = (function () { 'use strict'; try { leakedStrict = 1; return 'written'; } catch (e) { return e.name; } })();
  `, host);
  expect(out).toEqual({ notHost: true, sloppyThis: true, leaked: 'undefined', strict: 'ReferenceError' });
  expect('leaked' in host).toBe(false);
  expect('leakedStrict' in host).toBe(false);
});

test('class 7: a granted timer calls a sloppy callback with no host this, so it sees the package\'s global; a strict one sees undefined', () => {
  const host = makeHost();
  // Like a browser's setTimeout: the callback is called with the host as receiver.
  host.setTimeout = { setTimeout(callback: () => void) { callback.call(host); } }.setTimeout;
  const app = createPackageScopes({ policy: { resources: { pkg: { globals: { setTimeout: true } } } }, host });
  const { code } = compileCommonJS(`
    setTimeout(function () { exports.sloppy = this === globalThis ? 'package global' : this === undefined ? 'undefined' : 'other'; });
    setTimeout(function () { 'use strict'; exports.strict = this === undefined ? 'undefined' : 'other'; });
  `, {
    scopePrelude: ({ prefix, strict, uses }) =>
      `var ${prefix}s=require("hermetic:bootstrap").scopeOf("pkg",${strict})${uses.map((u) => `,${prefix}${u}=${prefix}s.${u}`).join('')};`,
  });
  const module = { exports: {} as Record<string, unknown> };
  new Function('exports', 'require', 'module', code).call(module.exports, module.exports, () => app, module);
  expect(module.exports).toEqual({ sloppy: 'package global', strict: 'undefined' });
});

describe('HermeticBuild and CommonJS files', () => {
  let app: FixtureApp;
  beforeAll(() => {
    app = createFixtureApp({
      name: 'cjs-build',
      fixturePackages: ['policy-cjs'],
      files: { 'src/main.js': `import 'policy-cjs';\n`, 'src/legacy.cjs': `module.exports = typeof fetch;\n` },
    });
  });
  afterAll(() => app.remove());

  test('a package\'s CommonJS file is compiled with the scope prelude and its globals reach the generated policy; the root\'s is not', async () => {
    const build = new HermeticBuild({ root: app.dir, cacheDir: false });
    const index = join(app.dir, 'node_modules', 'policy-cjs', 'index.js');
    const sloppy = join(app.dir, 'node_modules', 'policy-cjs', 'sloppy.js');
    expect(build.isCommonJSCompartmentalized(index)).toBe(true);
    expect(build.isCommonJSCompartmentalized(join(app.dir, 'src', 'legacy.cjs'))).toBe(false);
    expect(build.isCommonJSCompartmentalized(join(app.dir, 'src', 'main.js'))).toBe(false);
    const result = await build.transformCommonJS(index, readFileSync(index, 'utf8'));
    expect(result.code.split('\n')[0]).toBe(`'use strict';var $hs=require("hermetic:scope:${Buffer.from('policy-cjs').toString('base64url')}"),$hg=$hs.g,$hy=$hs.y;`);
    expect(result.map?.sources).toEqual([index]);
    await build.transformCommonJS(sloppy, readFileSync(sloppy, 'utf8'));
    expect(build.generatedPolicy()).toEqual({
      resources: { 'policy-cjs': { globals: { cjsLeak: 'write', fetch: true } } },
    });
  });

  test('process.env.NODE_ENV is left for the bundler to replace', async () => {
    const build = new HermeticBuild({ root: app.dir, cacheDir: false });
    const file = join(app.dir, 'node_modules', 'policy-cjs', 'index.js');
    const result = await build.transformCommonJS(file, `if (process.env.NODE_ENV !== 'production') module.exports = process.env.X;\n`);
    expect(result.code).toContain(`if (process.env.NODE_ENV !== 'production') module.exports = $hg.process.env.X;`);
  });
});
