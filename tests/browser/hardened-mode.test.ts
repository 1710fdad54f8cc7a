/**
 * Hardened mode: SES `lockdown()` runs before any module, under the strict
 * CSP, without a single violation (SES's probes of `eval`/`Function` meet the
 * inert evaluators Hermetic installs first, inert-evaluators.ts, and compile
 * nothing), freezing the intrinsics that compartments share. Without it, a
 * package can poison `Object.prototype` for everyone; with it, the attempt
 * throws and other packages are unaffected. The pages are read with
 * loadHardenedPage: Playwright's `page.evaluate` needs the page's `eval`,
 * which hardened mode disables.
 */
import { join } from 'node:path';
import { loadPage } from './support/load-page.js';
import { servedBuilds } from './support/served-builds.js';
import { createFixtureApp } from '../../test-fixtures/packages/fixture-app.js';

const main = `
import { poisonObjectPrototype, poisonArrayMap, reachHostThroughFunctionConstructor } from 'policy-proto';
const result = {
  object: poisonObjectPrototype(),
  array: poisonArrayMap(),
  functionConstructor: reachHostThroughFunctionConstructor(),
  polluted: typeof ({}).hermeticPolluted,
  map: [1, 2].map((x) => x * 2).join(','),
};
const out = document.createElement('pre');
out.id = 'out';
out.textContent = JSON.stringify(result);
document.body.append(out);
`;

const served = servedBuilds(
  () => createFixtureApp({
    name: 'hardened',
    fixturePackages: ['policy-proto'],
    files: {
      'src/main.js': main,
      'hardened.html': '<!doctype html><body><script type="module" src="./dist-hardened/main.js"></script></body>',
      'plain.html': '<!doctype html><body><script type="module" src="./dist-plain/main.js"></script></body>',
    },
  }),
  (app) => {
    const common = { bundler: 'esbuild' as const, appDir: app.dir, entry: 'src/main.js', hermetic: true };
    return [
      { ...common, outDir: join(app.dir, 'dist-hardened'), options: { hardened: true } },
      { ...common, outDir: join(app.dir, 'dist-plain') },
    ];
  },
);

const resultOf = (text: string): Record<string, string> => JSON.parse(text.trim()) as Record<string, string>;

test('hardened: lockdown runs under script-src self with zero CSP violations and prototype poisoning from a package throws', async () => {
  const report = await loadPage(served.browser, `${served.server.origin}/hardened.html`, { waitForSelector: '#out' });
  expect(report.violations).toEqual([]);
  expect(report.pageErrors).toEqual([]);
  // The function constructor a package reaches by syntax is inert: it throws before compiling (no violation).
  expect(resultOf(report.text)).toEqual({ object: 'TypeError', array: 'TypeError', functionConstructor: 'EvalError', polluted: 'undefined', map: '2,4' });
});

test('without hardened mode the shared intrinsics can be poisoned (why the option exists)', async () => {
  const report = await loadPage(served.browser, `${served.server.origin}/plain.html`, { waitForSelector: '#out' });
  expect(report.pageErrors).toEqual([]);
  expect(resultOf(report.text)).toEqual({ object: 'polluted', array: 'polluted', functionConstructor: 'EvalError', polluted: 'string', map: 'poisoned' });
  // Here the host's own Function constructor got the string: only the CSP kept it from compiling, and the browser reported it.
  expect(report.violations).toHaveLength(1);
  expect(report.violations[0]).toMatch(/^script-src eval /);
});
