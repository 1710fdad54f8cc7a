/**
 * `hermetic run` holds the boundary in Node (issue 9, class 9): hostile
 * packages that the policy grants nothing try to obtain `child_process`,
 * `fs`, `module`, the real `process` or `globalThis`, another package's
 * exports, or to write the host's environment. Each escape is judged by
 * identity (or, for the environment, by the host seeing the write). The same
 * app run by plain Node shows each attack is real. Runs the built CLI
 * (`npm run build` first).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { createFixtureApp, REPO_ROOT, type FixtureApp } from '../../test-fixtures/packages/fixture-app.js';
import { NODE_ATTACKS, VICTIM, appSource, type NodeAttack } from './node-attacks.js';

const cli = join(REPO_ROOT, 'packages/hermetic/dist/cli.js');

type Outcome = { escaped: string } | { threw: string } | { got: string };

function packageFiles(attack: { name: string; code: string; sloppy?: boolean }, kind: 'cjs' | 'esm'): Record<string, string> {
  const manifest = { name: attack.name, version: '1.0.0', main: 'index.js', ...(kind === 'esm' ? { type: 'module' } : {}) };
  return {
    [`node_modules/${attack.name}/package.json`]: JSON.stringify(manifest),
    [`node_modules/${attack.name}/index.js`]: `${kind === 'cjs' && attack.sloppy !== true ? "'use strict';\n" : ''}${attack.code}\n`,
  };
}

function policyOf(attacks: NodeAttack[]): object {
  const resources: Record<string, object> = { [VICTIM.name]: {} };
  for (const attack of attacks) resources[attack.name] = attack.globals === undefined ? {} : { globals: attack.globals };
  return { resources };
}

/** Runs node with `args` in the app; the last stdout line is the app's JSON report. */
function runApp(app: FixtureApp, args: string[]): Promise<{ outcomes: Record<string, Outcome>; stderr: string }> {
  const env = { ...process.env };
  delete env.HERMETIC_ATTACK_ENV;
  return new Promise((done, fail) => {
    execFile(process.execPath, args, { cwd: app.dir, env, timeout: 120000, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (error !== null || !last.startsWith('{')) fail(new Error(`node ${args.join(' ')} failed: ${error?.message ?? ''}\n${stdout}\n${stderr}`));
      else done({ outcomes: JSON.parse(last) as Record<string, Outcome>, stderr });
    });
  });
}

let app: FixtureApp;
let control: Record<string, Outcome>;
let pluginControl: Record<string, Outcome>;
const hermetic: Record<string, Record<string, Outcome>> = {};

/** The attacks contained at run time (one app holds them all); the others fail the build, each in an app of its own. */
const AT_RUN_TIME = NODE_ATTACKS.filter((attack) => attack.buildError === undefined);
const AT_BUILD = NODE_ATTACKS.filter((attack) => attack.buildError !== undefined);

function appOf(name: string, attacks: NodeAttack[]): FixtureApp {
  const files: Record<string, string> = {
    'src/main.js': appSource(attacks),
    'policy.json': JSON.stringify(policyOf(attacks)),
    ...packageFiles(VICTIM, 'cjs'),
  };
  for (const attack of attacks) Object.assign(files, packageFiles(attack, attack.kind));
  return createFixtureApp({ name, files });
}

beforeAll(async () => {
  app = appOf('run-attacks', AT_RUN_TIME);
  control = (await runApp(app, ['src/main.js'])).outcomes;
  await new Promise<void>((done, fail) => {
    execFile(process.execPath, [join(__dirname, 'build-with-host-require.mjs'), app.dir, 'src/main.js', join(app.dir, 'out-control'), join(app.dir, 'policy.json')],
      { timeout: 120000 }, (error, _stdout, stderr) => (error === null ? done() : fail(new Error(`${error.message}\n${stderr}`))));
  });
  pluginControl = (await runApp(app, ['out-control/main.js'])).outcomes;
  for (const mode of ['default', 'hardened']) {
    const flags = mode === 'hardened' ? ['--hardened'] : [];
    hermetic[mode] = (await runApp(app, [cli, 'run', 'src/main.js', '--policy', 'policy.json', ...flags])).outcomes;
  }
  // The table of outcomes, for the report.
  const cell = (outcome: Outcome | undefined): string =>
    outcome === undefined ? 'missing' : 'escaped' in outcome ? `ESCAPED: ${outcome.escaped}` : 'threw' in outcome ? `threw: ${outcome.threw.slice(0, 90)}` : `got ${outcome.got}`;
  const short = (outcome: Outcome | undefined): string => cell(outcome).slice(0, 30).padEnd(30);
  const rows = AT_RUN_TIME.map((attack) =>
    `${attack.name.padEnd(38)} | ${short(control[attack.name])} | ${short(pluginControl[attack.name])} | ${cell(hermetic.default[attack.name])} | ${cell(hermetic.hardened[attack.name])}`);
  process.stdout.write(`attack | plain node | plugin with host require | hermetic run | hermetic run --hardened\n${rows.join('\n')}\n`);
}, 300000);
afterAll(() => app?.remove());

const withControl = AT_RUN_TIME.filter((attack) => attack.control).map((attack) => attack.name);

test.each(withControl)('control: plain Node hands %s a host capability', (name) => {
  expect(control[name]).toHaveProperty('escaped');
});

const withPluginControl = AT_RUN_TIME.filter((attack) => attack.pluginControl === true).map((attack) => attack.name);

test.each(withPluginControl)('control: the plugin alone, with the host\'s require in the banner, hands %s a host capability', (name) => {
  expect(pluginControl[name]).toHaveProperty('escaped');
});

describe.each(['default', 'hardened'])('hermetic run (%s mode)', (mode) => {
  test.each(AT_RUN_TIME.map((attack) => [attack.name, attack.waitsOn ?? 'this task'] as const))('%s obtains nothing (containment: %s)', (name) => {
    const outcome = hermetic[mode][name];
    expect(outcome).toBeDefined();
    expect(outcome).not.toHaveProperty('escaped');
  });
});

test('a computed require is refused with a message that says why and what to write instead', () => {
  expect(hermetic.default['atk-node-computed-require']).toEqual({
    threw: 'Hermetic: a computed require("child_process") cannot be checked against the policy at build time, so it is refused; use a literal specifier, require("...")',
  });
});

test('a function constructor cannot compile in default mode: the run has string compilation disabled', () => {
  expect(hermetic.default['atk-node-async-function-constructor']).toEqual({ threw: 'Code generation from strings disallowed for this context' });
});

describe.each(AT_BUILD.map((attack) => [attack.name, attack] as const))('%s: refused at build time', (_name, attack) => {
  let refused: FixtureApp;
  beforeAll(() => {
    refused = appOf(attack.name, [attack]);
  });
  afterAll(() => refused?.remove());

  test('control: plain Node hands it a host capability', async () => {
    expect((await runApp(refused, ['src/main.js'])).outcomes[attack.name]).toHaveProperty('escaped');
  }, 120000);

  test.each(['default', 'hardened'])('hermetic run (%s mode) fails the build, naming the package and the import', async (mode) => {
    const result = await new Promise<{ code: number | string | null; output: string }>((done) => {
      execFile(process.execPath, [cli, 'run', 'src/main.js', '--policy', 'policy.json', ...(mode === 'hardened' ? ['--hardened'] : [])],
        { cwd: refused.dir, timeout: 120000 }, (error, stdout, stderr) => done({ code: error === null ? 0 : error.code ?? null, output: stdout + stderr }));
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(attack.buildError);
    expect(result.output).not.toContain('"escaped"');
  }, 120000);
});
