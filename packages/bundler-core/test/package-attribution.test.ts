/**
 * Attribution of files to packages, with LavaMoat-style canonical names, in
 * flat, nested, symlinked (workspace) and pnpm layouts.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PackageAttributor, computeCanonicalNames } from '@hermetic/bundler-core';

let root: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
const manifest = (name: string, dependencies: string[] = [], extra: object = {}): string =>
  JSON.stringify({ name, version: '1.0.0', dependencies: Object.fromEntries(dependencies.map((d) => [d, '*'])), ...extra });

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'hermetic-attr-')));
  write('app/package.json', manifest('my-app', ['a', 'b', 'ws-lib', 'p']));
  write('app/src/main.js', '');
  write('app/src/nested/package.json', JSON.stringify({ type: 'module' })); // no name: still the app
  write('app/src/nested/x.js', '');
  // flat (hoisted): a depends on c; c is hoisted to the top.
  write('app/node_modules/a/package.json', manifest('a', ['c']));
  write('app/node_modules/a/lib/index.js', '');
  write('app/node_modules/c/package.json', manifest('c'));
  write('app/node_modules/c/index.js', '');
  // nested: b has its own copy of c, reachable only as b>c.
  write('app/node_modules/b/package.json', manifest('b', ['c']));
  write('app/node_modules/b/node_modules/c/package.json', manifest('c'));
  write('app/node_modules/b/node_modules/c/index.js', '');
  // a workspace package symlinked into node_modules.
  write('packages/ws-lib/package.json', manifest('ws-lib'));
  write('packages/ws-lib/index.js', '');
  symlinkSync(join(root, 'packages/ws-lib'), join(root, 'app/node_modules/ws-lib'));
  // pnpm: node_modules/p -> .pnpm/p@1.0.0/node_modules/p, whose dependency q is a sibling there.
  write('app/node_modules/.pnpm/p@1.0.0/node_modules/p/package.json', manifest('p', ['q']));
  write('app/node_modules/.pnpm/p@1.0.0/node_modules/p/index.js', '');
  write('app/node_modules/.pnpm/q@2.0.0/node_modules/q/package.json', manifest('q'));
  write('app/node_modules/.pnpm/q@2.0.0/node_modules/q/index.js', '');
  symlinkSync(join(root, 'app/node_modules/.pnpm/q@2.0.0/node_modules/q'), join(root, 'app/node_modules/.pnpm/p@1.0.0/node_modules/q'));
  symlinkSync(join(root, 'app/node_modules/.pnpm/p@1.0.0/node_modules/p'), join(root, 'app/node_modules/p'));
  // Hostile: nested package.json files inside package a claiming other identities.
  write('app/node_modules/a/as-root/package.json', manifest('$root$'));
  write('app/node_modules/a/as-root/x.js', '');
  write('app/node_modules/a/as-b/package.json', manifest('b'));
  write('app/node_modules/a/as-b/x.js', '');
  write('app/node_modules/a/as-ses/package.json', manifest('ses'));
  write('app/node_modules/a/as-ses/x.js', '');
  write('app/node_modules/a/as-hermetic/package.json', manifest('@hermetic/runtime'));
  write('app/node_modules/a/as-hermetic/x.js', '');
  write('app/node_modules/a/nameless/package.json', JSON.stringify({ type: 'module' }));
  write('app/node_modules/a/nameless/x.js', '');
  // A package nobody depends on, a nested copy of b that a does not declare, and files in dot folders.
  write('app/node_modules/stray/package.json', manifest('b'));
  write('app/node_modules/stray/x.js', '');
  write('app/node_modules/a/node_modules/b/package.json', manifest('b'));
  write('app/node_modules/a/node_modules/b/x.js', '');
  write('app/node_modules/.cache/x.js', '');
  write('app/node_modules/loose.js', '');
  // A package the app vendors in its own tree (no installed package can write there).
  write('app/vendor/tracker/package.json', manifest('tracker'));
  write('app/vendor/tracker/index.js', '');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('canonical names are the shortest dependency paths, keyed by real directory', () => {
  const names = computeCanonicalNames(join(root, 'app'));
  expect(names.get(join(root, 'app/node_modules/a'))).toBe('a');
  expect(names.get(join(root, 'app/node_modules/c'))).toBe('a>c');
  expect(names.get(join(root, 'app/node_modules/b/node_modules/c'))).toBe('b>c');
  expect(names.get(join(root, 'packages/ws-lib'))).toBe('ws-lib');
  expect(names.get(join(root, 'app/node_modules/.pnpm/p@1.0.0/node_modules/p'))).toBe('p');
  expect(names.get(join(root, 'app/node_modules/.pnpm/q@2.0.0/node_modules/q'))).toBe('p>q');
});

test('files are attributed to the nearest named package.json; the app is $root$', () => {
  const attributor = new PackageAttributor(join(root, 'app'));
  const nameOf = (path: string): string => attributor.packageOf(join(root, path)).name;
  expect(nameOf('app/src/main.js')).toBe('$root$');
  expect(nameOf('app/src/nested/x.js')).toBe('$root$');
  expect(nameOf('app/vendor/tracker/index.js')).toBe('tracker');
  expect(nameOf('app/node_modules/a/lib/index.js')).toBe('a');
  expect(nameOf('app/node_modules/c/index.js')).toBe('a>c');
  expect(nameOf('app/node_modules/b/node_modules/c/index.js')).toBe('b>c');
  // Through the symlinks, as a bundler that does not preserve symlinks reports them or not.
  expect(nameOf('app/node_modules/ws-lib/index.js')).toBe('ws-lib');
  expect(nameOf('packages/ws-lib/index.js')).toBe('ws-lib');
  expect(nameOf('app/node_modules/p/index.js')).toBe('p');
  expect(nameOf('app/node_modules/.pnpm/p@1.0.0/node_modules/q/index.js')).toBe('p>q');
  expect(attributor.packageOf(join(root, 'app/node_modules/ws-lib/index.js')).packageJsonName).toBe('ws-lib');
});

test('identity comes from the install location, never from a package.json name inside a package', () => {
  const attributor = new PackageAttributor(join(root, 'app'));
  const of = (path: string) => attributor.packageOf(join(root, path));
  for (const claim of ['as-root', 'as-b', 'as-ses', 'as-hermetic', 'nameless']) {
    expect(of(`app/node_modules/a/${claim}/x.js`).name).toBe('a');
    expect(of(`app/node_modules/a/${claim}/x.js`).packageJsonName).toBe('a');
  }
  // A nested package.json still decides the module type, as for Node.
  expect(of('app/node_modules/a/nameless/x.js').type).toBe('module');
  expect(of('app/node_modules/a/lib/index.js').type).toBe('commonjs');
  // Unreached packages are named by where they are installed, and never share a reached package's name.
  expect(of('app/node_modules/stray/x.js').name).toBe('stray');
  expect(of('app/node_modules/stray/x.js').packageJsonName).toBe('stray');
  expect(of('app/node_modules/a/node_modules/b/x.js').name).toBe('a>b');
  expect(of('app/node_modules/b/node_modules/c/index.js').name).toBe('b>c');
  // Files under node_modules that are in no installed package are never the app.
  expect(of('app/node_modules/.cache/x.js').name).not.toBe('$root$');
  expect(of('app/node_modules/loose.js').name).not.toBe('$root$');
  expect(of('app/node_modules/loose.js').name).not.toBe(of('app/node_modules/.cache/x.js').name);
});

test('module keys are root-relative with forward slashes, by real path', () => {
  const attributor = new PackageAttributor(join(root, 'app'));
  expect(attributor.moduleKey(join(root, 'app/src/main.js'))).toBe('src/main.js');
  expect(attributor.moduleKey(join(root, 'app/node_modules/ws-lib/index.js'))).toBe('../packages/ws-lib/index.js');
});
