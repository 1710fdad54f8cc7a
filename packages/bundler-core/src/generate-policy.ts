/**
 * Policy generation from what the build saw: each compiled module's free
 * globals (plus `window.X`-style members) and the import graph.
 */
import { isAlwaysAvailable } from './intrinsic-names.js';
import { sortPolicy } from './sort-policy.js';
import { ROOT_PACKAGE, type PackagePolicy, type Policy } from './policy-types.js';

/** What one module contributes to the policy. */
export interface ModuleUsage {
  /** Canonical name of the module's package. */
  packageName: string;
  /** Free global names the module references. */
  globals: Iterable<string>;
  /** Globals it assigns to (a subset of `globals`): granted `"write"`. */
  writes?: Iterable<string>;
  /** Canonical names of the packages it imports (its own is ignored). */
  imports: Iterable<string>;
  /** Host built-in modules it imports (`fs`, `node:fs` → `fs`). */
  builtins?: Iterable<string>;
}

/**
 * Builds a policy granting exactly what the modules use. The root package is
 * trusted (LavaMoat's convention) and gets no entry. Sorted, so the output is
 * stable across builds.
 */
export function generatePolicy(usages: Iterable<ModuleUsage>): Policy {
  const resources: Record<string, PackagePolicy> = {};
  const entryOf = (name: string): PackagePolicy => (resources[name] ??= {});
  for (const usage of usages) {
    if (usage.packageName === ROOT_PACKAGE) continue;
    const entry = entryOf(usage.packageName);
    for (const name of usage.globals) {
      if (isAlwaysAvailable(name)) continue;
      const grants = (entry.globals ??= {});
      if (grants[name] === undefined) grants[name] = true;
    }
    for (const name of usage.writes ?? []) {
      if (!isAlwaysAvailable(name)) (entry.globals ??= {})[name] = 'write';
    }
    for (const dependency of usage.imports) {
      if (dependency === usage.packageName || dependency === ROOT_PACKAGE) continue;
      (entry.packages ??= {})[dependency] = true;
    }
    for (const builtin of usage.builtins ?? []) {
      (entry.builtin ??= {})[builtin.replace(/^node:/, '')] = true;
    }
  }
  return sortPolicy({ resources });
}
