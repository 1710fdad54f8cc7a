/**
 * Builds the attack app for one route and mode, runs it (Chromium under the strict CSP, or `hermetic
 * run` in Node) and turns what the harness reports into table cells. A build, or a page's start-up,
 * that fails naming attack packages is the fail-closed defence for those packages: they are recorded
 * (blocked, or n.a. in the control build) and the rest is built again without them.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { REPO_ROOT, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';
import type { CspServer } from '../../browser/support/csp-server.js';
import { attackPolicy, bundlerOf, type Attack, type Route } from '../catalogue.js';
import { writeMain } from './attack-app.js';
import { loadResults } from './load-results.js';

/** Without the plugin, with it, with it and `hardened: true`. */
export type Mode = 'control' | 'default' | 'hardened';

/** One attack on one route in one mode. */
export interface Cell {
  attack: string;
  route: Route;
  mode: Mode;
  outcome: 'blocked' | 'ESCAPED' | 'n.a.' | 'error';
  detail: string;
  /** The build warned that this package's grants are equivalent to granting window (bundler routes only). */
  warned?: boolean;
}

interface Reported {
  id: string;
  escaped: boolean;
  detail: string;
}

const RUN_BUILD = join(REPO_ROOT, 'tests', 'browser', 'support', 'run-build.mjs');
const CLI = join(REPO_ROOT, 'packages', 'hermetic', 'dist', 'cli.js');
const RESULTS_MARK = 'HERMETIC-ATTACK-RESULTS ';
const RESULT_MARK = 'HERMETIC-ATTACK-RESULT ';
const START_MARK = 'HERMETIC-ATTACK-START ';
/** A message that comes from Hermetic (its errors name it; the bundlers name the plugin a hook failed in). */
const HERMETIC_ERROR = /Hermetic|plugin[ :"]+hermetic/;

interface ChildRun {
  ok: boolean;
  stdout: string;
  stderr: string;
}

function runChild(args: string[], cwd: string): Promise<ChildRun> {
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 240000 }, (error, stdout, stderr) => {
      done({ ok: error === null, stdout, stderr });
    });
  });
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const mentions = (text: string, pkg: string): boolean => new RegExp(`${escapeRegExp(pkg)}(?![\\w-])`).test(text);

function lineAbout(text: string, pkg: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('at '));
  const first = lines.find((line) => /error/i.test(line)) ?? lines[0] ?? '';
  const about = lines.find((line) => mentions(line, pkg) && HERMETIC_ERROR.test(line)) ?? lines.find((line) => mentions(line, pkg)) ?? '';
  return (about === first || about === '' ? first : `${first} … ${about}`).slice(0, 500);
}

/** Marks the attacks `text` names as stopped by a failure; returns them. */
function failedBy(text: string, group: Attack[], route: Route, mode: Mode, where: string, cells: Cell[]): Attack[] {
  // The first error line names the culprit; later lines may list every module of the graph (Rollup).
  const lines = text.split('\n');
  const firstError = lines.find((line) => /error/i.test(line) && group.some((attack) => mentions(line, attack.pkg))) ?? '';
  const inFirst = group.filter((attack) => mentions(firstError, attack.pkg));
  const named = inFirst.length > 0 ? inFirst : group.filter((attack) => mentions(text, attack.pkg));
  for (const attack of named) {
    // Blocked only by Hermetic's own error about this package (a bundler's error is an error of the suite).
    const hermetic = lines.some((line) => mentions(line, attack.pkg) && HERMETIC_ERROR.test(line));
    const outcome = mode === 'control' ? 'n.a.' : hermetic ? 'blocked' : 'error';
    cells.push({ attack: attack.pkg, route, mode, outcome, detail: `${where} failed: ${lineAbout(text, attack.pkg)}` });
  }
  return named;
}

function cellsOf(results: Reported[], route: Route, mode: Mode, warnings: string[]): Cell[] {
  return results.map((result) => ({
    attack: result.id, route, mode, outcome: result.escaped ? 'ESCAPED' : 'blocked', detail: result.detail,
    warned: warnings.some((warning) => mentions(warning, result.id) && /equivalent to granting `?window/.test(warning)),
  }));
}

/** What a run reported (`partial`: it died, the attacks without a result run again), or why it failed. */
type Attempt = { results: Reported[]; partial?: boolean; warnings?: string[] } | { failure: string; where: string };

async function attemptInBrowser(app: FixtureApp, browser: Browser, server: CspServer, route: Route, mode: Mode): Promise<Attempt> {
  const { bundler, format } = bundlerOf(route)!;
  const name = `dist-${route}-${mode}`;
  const outDir = join(app.dir, name);
  const spec = {
    bundler, format, appDir: app.dir, entry: 'src/main.js', outDir, hermetic: mode !== 'control', minify: false,
    options: mode === 'control' ? {} : { policy: attackPolicy(), hardened: mode === 'hardened' },
  };
  const built = await runChild([RUN_BUILD, JSON.stringify(spec)], app.dir);
  if (!built.ok) return { failure: `${built.stderr}\n${built.stdout}`, where: 'the build' };
  const script = format === 'iife' ? '<script src="./main.js"></script>' : '<script type="module" src="./main.js"></script>';
  if (bundler !== 'vite') writeFileSync(join(outDir, 'index.html'), `<!doctype html><html><body>${script}</body></html>\n`);
  const page = await loadResults(browser, `${server.origin}/${name}/index.html`);
  if (page.json === undefined) return { failure: page.errors.join('\n'), where: 'the page' };
  const report = JSON.parse(built.stdout.trim().split('\n').pop() ?? '{}') as { warnings?: string[] };
  return { results: JSON.parse(page.json) as Reported[], warnings: report.warnings ?? [] };
}

async function attemptInNode(app: FixtureApp, mode: Mode): Promise<Attempt> {
  const flags = mode === 'hardened' ? ['--hardened'] : [];
  const run = await runChild([CLI, 'run', 'src/main.js', '--policy', 'attack-policy.json', ...flags], app.dir);
  const lines = run.stdout.split('\n');
  const line = lines.find((text) => text.startsWith(RESULTS_MARK));
  if (line !== undefined) return { results: JSON.parse(line.slice(RESULTS_MARK.length)) as Reported[] };
  // The program died: the attacks that reported stand; the one running then is the failure's culprit.
  const done = lines.filter((text) => text.startsWith(RESULT_MARK)).map((text) => JSON.parse(text.slice(RESULT_MARK.length)) as Reported);
  const started = lines.filter((text) => text.startsWith(START_MARK)).map((text) => text.slice(START_MARK.length));
  const running = started.length > done.length ? started[started.length - 1] : undefined;
  const why = run.stderr.split('\n').find((text) => /Error/.test(text)) ?? run.stderr.trim().split('\n')[0] ?? '';
  if (running !== undefined) {
    done.push({ id: running, escaped: false, detail: `the program died while it ran (not an escape: a denial of service): ${why.slice(0, 300)}` });
    return { results: done, partial: true };
  }
  return { failure: `${run.stderr}\n${run.stdout}`, where: 'hermetic run' };
}

/**
 * Runs `attacks` on `route` in `mode` (`browser` and `server` for the bundlers), dropping and recording
 * the attacks a failure names until the rest runs.
 */
export async function runRoute(
  app: FixtureApp, route: Route, mode: Mode, attacks: Attack[], browser?: Browser, server?: CspServer,
): Promise<Cell[]> {
  const cells: Cell[] = [];
  let group = attacks.slice();
  while (group.length > 0) {
    writeMain(app, group);
    const attempt = route === 'node' ? await attemptInNode(app, mode) : await attemptInBrowser(app, browser!, server!, route, mode);
    if ('results' in attempt) {
      cells.push(...cellsOf(attempt.results, route, mode, attempt.warnings ?? []));
      if (attempt.partial !== true) return cells;
      group = group.filter((attack) => !attempt.results.some((result) => result.id === attack.pkg));
      continue;
    }
    const named = failedBy(attempt.failure, group, route, mode, attempt.where, cells);
    if (named.length === 0) {
      // Not a defence of one package: the route is broken, and every attack left is an error of the suite.
      const why = `${attempt.where} failed naming no attack package: ${attempt.failure.trim().split('\n').slice(0, 3).join(' | ').slice(0, 500)}`;
      return [...cells, ...group.map((attack): Cell => ({ attack: attack.pkg, route, mode, outcome: 'error', detail: why }))];
    }
    group = group.filter((attack) => !named.includes(attack));
  }
  return cells;
}
