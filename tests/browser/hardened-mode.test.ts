/**
 * Hardened mode: SES `lockdown()` runs before any module and works under the
 * strict CSP (its probes of `eval`/`Function` fail and are caught, which the
 * browser still reports as violations), freezing the intrinsics that
 * compartments share. Without it, a package can poison `Object.prototype` for everyone;
 * with it, the attempt throws and other packages are unaffected.
 */
import { join } from 'node:path';
import { loadPage } from './support/load-page.js';
import { servedBuilds } from './support/served-builds.js';
import { createFixtureApp } from '../../test-fixtures/packages/fixture-app.js';

const main = `
import { poisonObjectPrototype, poisonArrayMap } from 'policy-proto';
const result = {
  object: poisonObjectPrototype(),
  array: poisonArrayMap(),
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

test('hardened: lockdown runs under script-src self and prototype poisoning from a package throws', async () => {
  const report = await loadPage(served.browser, `${served.server.origin}/hardened.html`, { waitForSelector: '#out' });
  // SES probes the host's evaluators while locking down (each probe is caught and
  // nothing is evaluated); the browser still reports every refused probe. Those
  // are the only violations: none comes from the bundle's own modules.
  expect(report.violations.length).toBeGreaterThan(0);
  expect(report.violations.length).toBeLessThanOrEqual(4);
  for (const violation of report.violations) expect(violation).toMatch(/^script-src eval /);
  expect(report.pageErrors).toEqual([]);
  expect(resultOf(report.text)).toEqual({ object: 'TypeError', array: 'TypeError', polluted: 'undefined', map: '2,4' });
});

test('without hardened mode the shared intrinsics can be poisoned (why the option exists)', async () => {
  const report = await loadPage(served.browser, `${served.server.origin}/plain.html`, { waitForSelector: '#out' });
  expect(report.violations).toEqual([]);
  expect(report.pageErrors).toEqual([]);
  expect(resultOf(report.text)).toEqual({ object: 'polluted', array: 'polluted', polluted: 'string', map: 'poisoned' });
});
