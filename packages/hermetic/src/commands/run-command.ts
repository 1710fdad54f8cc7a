/**
 * `hermetic run <entry>`: runs a program in Node with each package in its own
 * compartment, by bundling it for Node (esbuild + the Hermetic plugin) into a
 * cache directory next to the app and importing the result.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle } from './bundle.js';
import { parseArguments } from './parse-arguments.js';
import { BUNDLE_FLAGS, bundleOptionsFrom } from './shared-flags.js';
import { projectRootOf } from './project-root.js';

interface StartedApp {
  whenIdle(): Promise<void>;
}

/** Runs the command; returns the process exit code. */
export async function runCommand(args: string[]): Promise<number> {
  const parsed = parseArguments(args, BUNDLE_FLAGS);
  const entry = parsed.positionals[0];
  const outdir = entry === undefined ? 'dist' : join(projectRootOf(entry), 'node_modules', '.cache', 'hermetic', 'run');
  const options = bundleOptionsFrom(parsed, { platform: 'node', format: 'esm', outdir });
  const { entryOutput } = await bundle({ ...options, platform: 'node', format: 'esm' });
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(entryOutput).href);
  const app = (globalThis as Record<symbol, StartedApp | undefined>)[Symbol.for('hermetic.app')];
  await app?.whenIdle();
  return 0;
}
