/**
 * Where the start-up code every bundle includes lives on disk: the BUILT
 * `@hermetic/bundler-core/bootstrap` (and `ses` in hardened mode). Resolved from
 * the application first, then from the working directory, so that a plugin
 * installed anywhere finds them.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Absolute paths of the runtime modules a bundle imports. */
export interface RuntimePaths {
  bootstrap: string;
  ses?: string;
}

function resolveFrom(specifier: string, bases: string[]): string {
  const failures: string[] = [];
  for (const base of bases) {
    try {
      return createRequire(join(base, 'package.json')).resolve(specifier);
    } catch (error) {
      failures.push(`${base}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  throw new Error(
    `Hermetic cannot find ${specifier} (needed in every bundle). Install it next to your app ` +
      `and build it (\`npx tsc -b\`). Tried:\n  ${failures.join('\n  ')}`,
  );
}

/** Finds the runtime files, starting from `rootDir`. */
export function findRuntimePaths(rootDir: string, hardened: boolean): RuntimePaths {
  const bases = [rootDir, process.cwd()];
  const paths: RuntimePaths = {
    bootstrap: resolveFrom('@hermetic/bundler-core/bootstrap', bases),
  };
  if (hardened) paths.ses = resolveFrom('ses', bases);
  return paths;
}
