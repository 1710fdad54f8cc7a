/**
 * The application an entry belongs to: the nearest directory holding a
 * package.json (its package is the policy's `$root$`).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Finds the project root of `entry`, or the entry's directory when there is no package.json. */
export function projectRootOf(entry: string): string {
  const start = dirname(resolve(entry));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}
