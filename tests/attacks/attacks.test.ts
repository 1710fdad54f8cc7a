/**
 * The adversarial suite (issue 9, docs/security.md): hostile packages (test-fixtures/attacks) built into
 * one app per bundler and mode — without the plugin (control: the attack is real), with it, and with
 * `hardened: true` — run in Chromium under `script-src 'self'` (esbuild also as an IIFE bundle), and
 * through `hermetic run` in Node. Each attack proves an escape only by identity (it hands the trusted
 * root the real window, document, fetch, process, or another module's export) or by a request reaching
 * the server's sink. The suite prints the table and fails on an escape tests/attacks/known-escapes.json
 * does not list, and on a control build where an attack does not escape.
 *
 * HERMETIC_ATTACKS_ROUTES (esbuild,esbuild-iife,rollup,vite,node) and HERMETIC_ATTACKS_MODES
 * (control,default,hardened) narrow a run; HERMETIC_ATTACKS_UPDATE=1 rewrites the allow-list from the
 * results; HERMETIC_ATTACKS_KEEP=1 keeps the built app (its path is printed); HERMETIC_ATTACKS_VERBOSE=1
 * prints why each cell came out as it did. Needs `npm run build`.
 */
import type { Browser } from 'playwright-core';
import type { FixtureApp } from '../../test-fixtures/packages/fixture-app.js';
import { launchChromium } from '../browser/support/chromium.js';
import type { CspServer } from '../browser/support/csp-server.js';
import { ATTACKS, appliesTo, type Route } from './catalogue.js';
import { createAttackApp } from './support/attack-app.js';
import { listedEscape, readKnownEscapes, writeKnownEscapes } from './support/allow-list.js';
import { runRoute, type Cell, type Mode } from './support/run-matrix.js';
import { serveWithSink } from './support/sink-server.js';
import { renderTable } from './support/table.js';

const ROUTES = (process.env.HERMETIC_ATTACKS_ROUTES ?? 'esbuild,esbuild-iife,rollup,vite,node').split(',') as Route[];
const MODES = (process.env.HERMETIC_ATTACKS_MODES ?? 'control,default,hardened').split(',') as Mode[];
const known = readKnownEscapes();
const cells: Cell[] = [];
let app: FixtureApp;
let browser: Browser | undefined;
let server: CspServer | undefined;

beforeAll(async () => {
  app = createAttackApp();
  server = await serveWithSink(app.dir);
  if (ROUTES.some((route) => route !== 'node')) browser = await launchChromium();
  for (const route of ROUTES) {
    for (const mode of MODES) {
      // The control build shows the attacks are real in the browsers; Node has no control run.
      if (mode === 'control' && route === 'node') continue;
      const attacks = ATTACKS.filter((attack) => appliesTo(attack, route) && !(mode === 'control' && attack.controlNotApplicable !== undefined));
      cells.push(...await runRoute(app, route, mode, attacks, browser, server));
    }
  }
  console.log(`Adversarial suite (ESCAPED! = not in known-escapes.json)\n${renderTable(cells, (cell) => listedEscape(known, cell) !== undefined)}`);
  if (process.env.HERMETIC_ATTACKS_VERBOSE === '1') {
    console.log(cells.map((cell) => `${cell.attack} ${cell.route}/${cell.mode}: ${cell.outcome}: ${cell.detail}`).join('\n'));
  }
  if (process.env.HERMETIC_ATTACKS_UPDATE === '1') writeKnownEscapes(cells, known);
}, 30 * 60 * 1000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (process.env.HERMETIC_ATTACKS_KEEP === '1') console.log(`kept the attack app: ${app?.dir}`);
  else app?.remove();
});

test.each(ATTACKS.map((attack) => [`class ${attack.cls} ${attack.pkg}: ${attack.title}`, attack.pkg]))('%s', (_title, pkg) => {
  const mine = cells.filter((cell) => cell.attack === pkg);
  const domRoute = ATTACKS.find((attack) => attack.pkg === pkg)?.domRoute === true;
  const problems: string[] = [];
  for (const cell of mine) {
    const where = `${cell.route}/${cell.mode}`;
    if (cell.outcome === 'error') problems.push(`${where}: the suite failed to run it: ${cell.detail}`);
    else if (cell.mode === 'control' && cell.outcome !== 'ESCAPED') problems.push(`${where}: the control build does not show the attack (${cell.outcome}: ${cell.detail}), so the attack is broken`);
    else if (cell.mode !== 'control' && cell.outcome === 'ESCAPED' && listedEscape(known, cell) === undefined) {
      problems.push(`${where}: ESCAPED (${cell.detail}) and known-escapes.json does not list it`);
    } else if (domRoute && cell.outcome === 'ESCAPED' && cell.mode !== 'control' && cell.route !== 'node' && cell.warned !== true &&
      listedEscape(known, cell)?.reason.startsWith('tolerated') === true) {
      problems.push(`${where}: listed as the tolerated route, but the build did not warn that the grant is equivalent to granting window`);
    }
  }
  expect(problems).toEqual([]);
});
