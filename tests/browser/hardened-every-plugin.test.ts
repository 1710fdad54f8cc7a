/**
 * Hardened mode (issue 9, class 8 and the hardened half of class 10) with
 * every plugin: the same app, an ES-module package and a CommonJS package
 * that attack the shared intrinsics from their first line, built by esbuild
 * (ESM and IIFE), Rollup (+ node-resolve + commonjs) and Vite with
 * `hardened: true`, runs
 * under `script-src 'self'` with zero CSP violations, and every attack
 * throws: SES `lockdown()` ran before either package. A plain esbuild build
 * of the same app shows the attacks are real: there the packages poison the
 * intrinsics and catch the host window through them.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createFixtureApp, type FixtureApp } from '../../test-fixtures/packages/fixture-app.js';
import { buildInChild, type BuildSpec } from './support/build-in-child.js';
import { launchChromium } from './support/chromium.js';
import { loadPage } from './support/load-page.js';
import { serveWithStrictCsp, type CspServer } from './support/csp-server.js';

const main = `
import { results as esm, caught as esmCaught } from 'hardened-esm-attacker';
import cjsPackage from 'hardened-cjs-attacker';
const { results: cjs, caught: cjsCaught } = cjsPackage;
// Trusted code doing ordinary things with the window: pushing it into an array,
// feature-testing it, passing it through a promise. Each reaches a shared intrinsic.
const list = [];
list.push(window);
void window.hermeticFeatureEsm;
void window.hermeticFeatureCjs;
Promise.resolve(window).then((value) => value).then(() => {
  const leak = (kind) => [esmCaught[kind].has(window), cjsCaught[kind].has(window)];
  const result = {
    esm, cjs,
    leaks: { getter: leak('getter'), then: leak('then'), push: leak('push') },
    polluted: [typeof ({}).hermeticPollutedEsm, typeof ({}).hermeticPollutedCjs],
    map: [1, 2].map((x) => x * 2).join(','),
  };
  const out = document.createElement('pre');
  out.id = 'out';
  out.textContent = JSON.stringify(result);
  document.body.append(out);
});
`;

const page = (script: string, type = 'module'): string => `<!doctype html><body><script type="${type}" src="${script}"></script></body>`;

/** The hardened builds, by name: `<bundler>` or `<bundler>-iife`. */
const HARDENED = ['esbuild', 'esbuild-iife', 'rollup', 'vite'] as const;
type BuildName = (typeof HARDENED)[number] | 'plain';
/** The page of each build. */
const PAGES: Record<BuildName, string> = {
  'esbuild': '/esbuild.html', 'esbuild-iife': '/esbuild-iife.html', 'rollup': '/rollup.html', 'vite': '/dist-vite/index.html', 'plain': '/plain.html',
};

let app: FixtureApp;
let server: CspServer;
let browser: Browser;
/** Why a build failed, by page: a failed build fails its own test, not the others. */
const buildErrors = new Map<string, string>();

beforeAll(async () => {
  app = createFixtureApp({
    name: 'hardened-every-plugin',
    fixturePackages: ['hardened-esm-attacker', 'hardened-cjs-attacker'],
    files: {
      'src/main.js': main,
      'index.html': page('./src/main.js'),
      'esbuild.html': page('./dist-esbuild/main.js'),
      'esbuild-iife.html': page('./dist-esbuild-iife/main.js', 'text/javascript'),
      'rollup.html': page('./dist-rollup/main.js'),
      'plain.html': page('./dist-plain/main.js'),
    },
  });
  const common = { appDir: app.dir, entry: 'src/main.js', hermetic: true };
  const specs: Array<[BuildName, BuildSpec]> = [
    ...HARDENED.map((name): [BuildName, BuildSpec] => {
      const bundler = name.replace(/-iife$/, '') as BuildSpec['bundler'];
      return [name, {
        ...common, bundler, entry: bundler === 'vite' ? 'index.html' : common.entry, format: name.endsWith('-iife') ? 'iife' : 'esm',
        outDir: join(app.dir, `dist-${name}`), options: { hardened: true },
      }];
    }),
    ['plain', { ...common, bundler: 'esbuild', outDir: join(app.dir, 'dist-plain') }],
  ];
  for (const [name, spec] of specs) {
    await buildInChild(spec).catch((error: Error) => buildErrors.set(name, error.message));
  }
  server = await serveWithStrictCsp(app.dir);
  browser = await launchChromium();
}, 300000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  app?.remove();
});

async function load(name: BuildName): Promise<{ result: Record<string, unknown>; violations: string[] }> {
  expect(buildErrors.get(name)).toBeUndefined();
  const report = await loadPage(browser, `${server.origin}${PAGES[name]}`, { waitForSelector: '#out' });
  expect(report.pageErrors).toEqual([]);
  expect(report.ready).toBe(true);
  return { result: JSON.parse(report.text.trim()) as Record<string, unknown>, violations: report.violations };
}

const REFUSED = {
  objectPrototype: 'TypeError', arrayMap: 'TypeError', functionCall: 'TypeError',
  // The constructor SES leaves is inert: it throws before compiling anything, so nothing is reported.
  asyncConstructor: 'EvalError',
  getter: 'TypeError', then: 'TypeError', push: 'TypeError',
};

/**
 * An esbuild IIFE bundle is a classic script without "use strict", so the ES
 * module runs sloppy there: an assignment to a frozen property fails silently
 * instead of throwing. (Reported: its functions' `this` is the window too.)
 */
const SLOPPY_REFUSED = {
  ...REFUSED,
  ...Object.fromEntries(['objectPrototype', 'arrayMap', 'functionCall', 'then'].map((key) => [key, expect.stringMatching(/^(TypeError|unchanged)$/)])),
};

test.each(HARDENED)('hardened %s build: zero CSP violations, and every attack on the shared intrinsics from an ES-module and a CommonJS package throws', async (name) => {
  // One assertion, so that a failure shows both what the attacks did and what the browser reported.
  expect(await load(name)).toEqual({
    violations: [],
    result: {
      esm: name === 'esbuild-iife' ? SLOPPY_REFUSED : REFUSED, cjs: REFUSED,
      leaks: { getter: [false, false], then: [false, false], push: [false, false] },
      polluted: ['undefined', 'undefined'],
      map: '2,4',
    },
  });
});

test('without hardened mode the same packages poison the intrinsics and catch the host window through them (the attacks are real)', async () => {
  const { result, violations } = await load('plain');
  const polluted = { ...Object.fromEntries(Object.keys(REFUSED).map((key) => [key, 'polluted'])), asyncConstructor: 'EvalError' };
  expect(result).toEqual({
    esm: polluted, cjs: polluted,
    leaks: { getter: [true, true], then: [true, true], push: [true, true] },
    polluted: ['string', 'string'],
    map: '2,4',
  });
  // Only the CSP stops the host's AsyncFunction constructor here, and the browser reports both attempts.
  expect(violations).toHaveLength(2);
  for (const violation of violations) expect(violation).toMatch(/^script-src eval /);
});
