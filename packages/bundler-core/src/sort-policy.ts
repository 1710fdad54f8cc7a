/**
 * Canonical key order for policies, so that generated files diff cleanly.
 */
import type { PackagePolicy, Policy } from './policy-types.js';

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key];
  return out;
}

function sortPackage(entry: PackagePolicy): PackagePolicy {
  const out: PackagePolicy = {};
  if (entry.builtin !== undefined) out.builtin = sortedRecord(entry.builtin);
  if (entry.globals !== undefined) out.globals = sortedRecord(entry.globals);
  if (entry.native !== undefined) out.native = entry.native;
  if (entry.packages !== undefined) out.packages = sortedRecord(entry.packages);
  return out;
}

/** Returns a copy of `policy` with resources, and each entry's keys, in sorted order. */
export function sortPolicy(policy: Policy): Policy {
  const resources: Record<string, PackagePolicy> = {};
  for (const name of Object.keys(policy.resources).sort()) resources[name] = sortPackage(policy.resources[name]);
  return { ...policy, resources };
}

/** The policy as stable JSON text (two-space indent, trailing newline). */
export function formatPolicy(policy: Policy): string {
  return JSON.stringify(sortPolicy(policy), null, 2) + '\n';
}
