/**
 * Runs graphs through Hermetic in a child process (see hermetic-child.mjs for
 * why), from a bundle of the package sources built once per test file.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Outcome } from './observe.mjs';

const SUPPORT = __dirname;
// Inside the repository so that the bundle's external imports (@babel/*,
// magic-string) resolve from its node_modules.
const CACHE_DIR = path.resolve(SUPPORT, '../../../node_modules/.cache/hermetic-differential');

let bundle: Promise<string> | undefined;

/** Builds (once per process) the bundle of the `hermetic` sources the child loads. */
function hermeticBundle(): Promise<string> {
  bundle ??= (async () => {
    mkdirSync(CACHE_DIR, { recursive: true });
    const outfile = path.join(CACHE_DIR, `hermetic-${process.pid}-${Date.now()}.mjs`);
    const builder = (await import(pathToFileURL(path.join(SUPPORT, 'hermetic-bundle.mjs')).href)) as {
      buildHermeticBundle(outfile: string): Promise<string>;
    };
    return builder.buildHermeticBundle(outfile);
  })();
  return bundle;
}

/** Deletes this process's bundle. */
export async function removeHermeticBundle(): Promise<void> {
  if (bundle !== undefined) rmSync(await bundle, { force: true });
  bundle = undefined;
}

/** Imports each entry in its own fresh compartment, one after the other, in one child process. */
export async function runHermeticBatch(entryFiles: string[], options: { frozenGlobal?: boolean } = {}): Promise<Outcome[]> {
  const args = [path.join(SUPPORT, 'hermetic-child.mjs'), await hermeticBundle(), ...(options.frozenGlobal ? ['--frozen-global'] : []), ...entryFiles];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const how = error.signal ? `was killed by ${error.signal}` : `exited with code ${String(error.code)}`;
        reject(new Error(`Hermetic child run of ${entryFiles.length} graphs failed: node ${how}\n${stderr.slice(0, 4000)}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout) as Outcome[]);
      } catch (parseError) {
        reject(new Error(`Hermetic child printed no JSON: ${String(parseError)}\n${stdout.slice(0, 2000)}\n${stderr}`));
      }
    });
  });
}
