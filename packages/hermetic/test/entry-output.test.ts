/**
 * `hermetic run` runs the output built from the entry file, not the first
 * output that has an entry point (a lazy chunk may come first).
 */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { entryOutputOf } from '../src/commands/entry-output';

const output = (entryPoint?: string): Metafile['outputs'][string] =>
  ({ bytes: 1, inputs: {}, imports: [], exports: [], ...(entryPoint === undefined ? {} : { entryPoint }) });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hermetic-entry-output-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'main.js'), '');
  writeFileSync(join(dir, 'src', 'lazy.js'), '');
  symlinkSync(join(dir, 'src'), join(dir, 'linked'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a lazy chunk listed before the entry is not taken for it', () => {
  const outputs = {
    'out/chunk-ABC.js': output(),
    'out/lazy-XYZ.js': output('src/lazy.js'),
    'out/main.js': output('src/main.js'),
  };
  expect(entryOutputOf(outputs, dir, join(dir, 'src', 'main.js'))).toBe(join(dir, 'out', 'main.js'));
});

test('the entry named through a symbolic link is the same file; no output of it gives undefined', () => {
  const outputs = { 'out/lazy-XYZ.js': output('src/lazy.js'), 'out/main.js': output('src/main.js') };
  expect(entryOutputOf(outputs, dir, join(dir, 'linked', 'main.js'))).toBe(join(dir, 'out', 'main.js'));
  expect(entryOutputOf({ 'out/lazy-XYZ.js': output('src/lazy.js') }, dir, join(dir, 'src', 'main.js'))).toBeUndefined();
});
