/**
 * Which output file of a build runs the entry: with code splitting every
 * `import()` target is an entry point of its own, so the first output that
 * has an `entryPoint` may be a lazy chunk.
 */
import type { Metafile } from 'esbuild';
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';

function sameFile(a: string, b: string): boolean {
  return a === b || (existsSync(a) && existsSync(b) && realpathSync(a) === realpathSync(b));
}

/**
 * The absolute path of the output built from `entry` (an absolute path), or
 * undefined. Metafile paths are relative to `workingDir`.
 */
export function entryOutputOf(outputs: Metafile['outputs'], workingDir: string, entry: string): string | undefined {
  for (const [file, output] of Object.entries(outputs)) {
    if (output.entryPoint !== undefined && sameFile(resolve(workingDir, output.entryPoint), entry)) return resolve(workingDir, file);
  }
  return undefined;
}
