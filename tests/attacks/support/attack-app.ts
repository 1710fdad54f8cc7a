/**
 * The throw-away app the suite builds: the trusted root (test-fixtures/attacks/app), the hostile packages
 * and the victims in its node_modules, and a src/main.js that loads a chosen group of attacks.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixtureApp, REPO_ROOT, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';
import { ATTACKS, VICTIMS, attackPolicy, type Attack } from '../catalogue.js';

const FIXTURES = join(REPO_ROOT, 'test-fixtures', 'attacks');
const HARVEST = readFileSync(join(FIXTURES, 'harvest.js'), 'utf8');
const HARVEST_CJS = HARVEST.replace('export function harvest', 'function harvest') + 'module.exports = { harvest };\n';

/** The page Vite builds from (the other bundlers get one written next to their output). */
const VITE_PAGE = '<!doctype html><html><body><script type="module" src="/src/main.js"></script></body></html>\n';

/** Creates the app; every attack package is installed, `writeMain` chooses which ones a build loads. */
export function createAttackApp(): FixtureApp {
  const app = createFixtureApp({
    name: 'attacks',
    files: {
      'src/harness.js': readFileSync(join(FIXTURES, 'app', 'harness.js'), 'utf8'),
      'src/root-secret.js': readFileSync(join(FIXTURES, 'app', 'root-secret.js'), 'utf8'),
      'index.html': VITE_PAGE,
      'attack-policy.json': JSON.stringify(attackPolicy(), null, 2),
    },
  });
  const modules = join(app.dir, 'node_modules');
  for (const name of [...ATTACKS.map((attack) => attack.pkg), ...VICTIMS]) {
    cpSync(join(FIXTURES, 'packages', name), join(modules, name), { recursive: true, verbatimSymlinks: true });
  }
  // A package's own node_modules is stored as nested_node_modules (the repository ignores node_modules).
  for (const attack of ATTACKS) {
    const nested = join(modules, attack.pkg, 'nested_node_modules');
    if (existsSync(nested)) renameSync(nested, join(modules, attack.pkg, 'node_modules'));
  }
  for (const attack of ATTACKS) {
    const commonJS = readFileSync(join(modules, attack.pkg, 'index.js'), 'utf8').includes('require(\'./harvest.cjs\')');
    writeFileSync(join(modules, attack.pkg, commonJS ? 'harvest.cjs' : 'harvest.js'), commonJS ? HARVEST_CJS : HARVEST);
  }
  // The real bootstrap, installed where a package's relative path can name it (atk-c1-bootstrap-relative).
  mkdirSync(join(modules, '@hermetic'), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'packages', 'bundler-core'), join(modules, '@hermetic', 'bundler-core'), 'dir');
  const pkg = JSON.parse(readFileSync(join(app.dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const name of [...ATTACKS.map((attack) => attack.pkg), ...VICTIMS]) pkg.dependencies[name] = '1.0.0';
  writeFileSync(join(app.dir, 'package.json'), JSON.stringify(pkg, null, 2));
  return app;
}

/** Writes src/main.js: the harness runs `attacks`, each loaded with its own dynamic import. */
export function writeMain(app: FixtureApp, attacks: Attack[]): void {
  const entries = attacks.map((attack) => {
    const victim = attack.victim === undefined ? '' : `, victim: () => import(${JSON.stringify(attack.victim)})`;
    return `  { id: ${JSON.stringify(attack.pkg)}, load: () => import(${JSON.stringify(attack.pkg)})${victim} },`;
  });
  writeFileSync(join(app.dir, 'src', 'main.js'), [`import { runAttacks } from './harness.js';`, 'runAttacks([', ...entries, ']);', ''].join('\n'));
}

