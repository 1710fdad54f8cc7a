/**
 * Builds a throw-away application directory for tests: a package.json, the
 * given source files, and fake packages copied from test-fixtures/packages
 * into its node_modules. It lives under the repo's ignored `tmp/` so that
 * real dependencies (react, preact, lodash-es) resolve from the repo's
 * node_modules by walking up.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root (this file is test-fixtures/packages/fixture-app.ts). */
export const REPO_ROOT = resolve(__dirname, '..', '..');
const FIXTURE_PACKAGES = join(REPO_ROOT, 'test-fixtures', 'packages');

/** What the app holds. */
export interface FixtureAppSpec {
  name: string;
  /** Relative path → text. */
  files: Record<string, string>;
  /** Fake packages from test-fixtures/packages to install. */
  fixturePackages?: string[];
  /** Extra dependencies listed in package.json (resolved from the repo's node_modules). */
  dependencies?: string[];
}

/** A created app; `remove()` deletes it. */
export interface FixtureApp {
  dir: string;
  remove(): void;
}

/** Creates the app under `<repo>/tmp/`. */
export function createFixtureApp(spec: FixtureAppSpec): FixtureApp {
  const base = join(REPO_ROOT, 'tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `${spec.name}-`));
  const fixtures = spec.fixturePackages ?? [];
  const dependencies: Record<string, string> = {};
  for (const name of [...fixtures, ...(spec.dependencies ?? [])]) dependencies[name] = '*';
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: spec.name, private: true, type: 'module', dependencies }, null, 2));
  for (const name of fixtures) cpSync(join(FIXTURE_PACKAGES, name), join(dir, 'node_modules', name), { recursive: true });
  for (const [path, text] of Object.entries(spec.files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
