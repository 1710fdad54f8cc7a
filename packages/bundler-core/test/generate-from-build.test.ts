/**
 * Policy generation from real records: HermeticBuild compiles the fixture
 * packages (with the real compiler) and generates the policy from their
 * `globals`, `window.X` members, writes and imports.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { HermeticBuild, formatPolicy } from '@hermetic/bundler-core';
import { createFixtureApp, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';

let app: FixtureApp;
beforeAll(() => {
  app = createFixtureApp({
    name: 'generate',
    fixturePackages: ['policy-greeter', 'policy-importer', 'policy-writer', 'policy-aliased', 'policy-builtin'],
    files: {
      'src/main.js': `import 'policy-importer'; import 'policy-writer'; import 'policy-aliased'; import 'policy-builtin'; document.title = 'x';\n`,
      'node_modules/policy-members/package.json': JSON.stringify({ name: 'policy-members', type: 'module', main: 'index.js' }),
      'node_modules/policy-members/index.js': `export const w = () => [window.innerWidth, self.location.href, window.counter++, setTimeout];\n`,
    },
  });
});
afterAll(() => app.remove());

async function transformAll(build: HermeticBuild, files: string[]): Promise<void> {
  for (const file of files) {
    const requireFrom = createRequire(file);
    const { readFileSync } = await import('node:fs');
    await build.transform(file, readFileSync(file, 'utf8'), async (specifier) => {
      if (specifier.startsWith('node:')) return { id: specifier, external: true };
      return { id: requireFrom.resolve(specifier), external: false };
    });
  }
}

test('the generated policy lists each package\'s globals, writes and imports, sorted; intrinsics and the root are left out', async () => {
  const build = new HermeticBuild({ root: app.dir, cacheDir: false });
  const modules = ['policy-greeter', 'policy-importer', 'policy-writer', 'policy-aliased', 'policy-builtin', 'policy-members']
    .map((name) => join(app.dir, 'node_modules', name, 'index.js'));
  await transformAll(build, [join(app.dir, 'src/main.js'), ...modules]);
  const policy = build.generatedPolicy();
  expect(policy).toEqual({
    resources: {
      'policy-aliased': {},
      'policy-builtin': { builtin: { path: true } },
      'policy-greeter': { globals: { console: true } },
      'policy-importer': { packages: { 'policy-greeter': true } },
      'policy-members': { globals: { counter: 'write', innerWidth: true, location: true, setTimeout: true } },
      'policy-writer': { globals: { hermeticLeak: 'write', hermeticShared: 'write' } },
    },
  });
  expect(build.finalPolicyJson()).toBe(formatPolicy(policy));
  void dirname;
});

test('an override file is applied on top of the generated policy', async () => {
  const build = new HermeticBuild({
    root: app.dir,
    cacheDir: false,
    policyOverride: { resources: { 'policy-greeter': { globals: { console: false, 'console.log': true } } } },
  });
  await transformAll(build, [join(app.dir, 'node_modules/policy-greeter/index.js')]);
  expect(build.finalPolicy().resources['policy-greeter']).toEqual({ globals: { 'console': false, 'console.log': true } });
});
