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

type BundleKind = 'hermetic' | 'precompiled';
const bundles = new Map<BundleKind, Promise<string>>();

/** Builds (once per process and kind) the bundle of the package sources the child loads. */
function hermeticBundle(kind: BundleKind): Promise<string> {
  let bundle = bundles.get(kind);
  if (bundle === undefined) {
    bundle = (async () => {
      mkdirSync(CACHE_DIR, { recursive: true });
      const outfile = path.join(CACHE_DIR, `${kind}-${process.pid}-${Date.now()}.mjs`);
      const builder = (await import(pathToFileURL(path.join(SUPPORT, 'hermetic-bundle.mjs')).href)) as {
        buildHermeticBundle(outfile: string, kind: BundleKind): Promise<string>;
      };
      return builder.buildHermeticBundle(outfile, kind);
    })();
    bundles.set(kind, bundle);
  }
  return bundle;
}

/** Deletes this process's bundles. */
export async function removeHermeticBundle(): Promise<void> {
  for (const bundle of bundles.values()) rmSync(await bundle, { force: true });
  bundles.clear();
}

/** Options of a child-process Hermetic run. */
export interface HermeticChildOptions {
  frozenGlobal?: boolean;
  /** Compile ahead of time and link records with the compiler-less runtime (the CSP path). */
  precompiled?: boolean;
  /** Give the compartment global a `self` property pointing to itself. */
  selfGlobal?: boolean;
}

/** Imports each entry in its own fresh compartment, one after the other, in one child process. */
export async function runHermeticBatch(entryFiles: string[], options: HermeticChildOptions = {}): Promise<Outcome[]> {
  const kind: BundleKind = options.precompiled ? 'precompiled' : 'hermetic';
  const flags = [
    ...(options.frozenGlobal ? ['--frozen-global'] : []),
    ...(options.precompiled ? ['--precompiled'] : []),
    ...(options.selfGlobal ? ['--self-global'] : []),
  ];
  const args = [path.join(SUPPORT, 'hermetic-child.mjs'), await hermeticBundle(kind), ...flags, ...entryFiles];
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
