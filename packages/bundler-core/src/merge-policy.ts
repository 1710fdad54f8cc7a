/**
 * Merges an override policy into a base policy, entry by entry: an override
 * entry replaces the base entry of the same name (so `false` revokes a
 * generated grant), everything else is kept.
 */
import { sortPolicy } from './sort-policy.js';
import type { PackagePolicy, Policy } from './policy-types.js';

function mergeEntries<T>(base: Record<string, T> | undefined, override: Record<string, T> | undefined): Record<string, T> | undefined {
  if (override === undefined) return base;
  return { ...(base ?? {}), ...override };
}

function mergePackage(base: PackagePolicy | undefined, override: PackagePolicy): PackagePolicy {
  const merged: PackagePolicy = { ...(base ?? {}) };
  const globals = mergeEntries(base?.globals, override.globals);
  const packages = mergeEntries(base?.packages, override.packages);
  const builtin = mergeEntries(base?.builtin, override.builtin);
  if (globals !== undefined) merged.globals = globals;
  if (packages !== undefined) merged.packages = packages;
  if (builtin !== undefined) merged.builtin = builtin;
  if (override.native !== undefined) merged.native = override.native;
  return merged;
}

/** Returns `base` with `override` applied; neither input is modified. The result is sorted. */
export function mergePolicy(base: Policy, override: Policy | undefined): Policy {
  if (override === undefined) return sortPolicy(base);
  const resources: Record<string, PackagePolicy> = { ...base.resources };
  for (const [name, entry] of Object.entries(override.resources)) {
    resources[name] = mergePackage(base.resources[name], entry);
  }
  const { resources: _base, ...baseRest } = base;
  const { resources: _override, ...overrideRest } = override;
  return sortPolicy({ ...baseRest, ...overrideRest, resources });
}
