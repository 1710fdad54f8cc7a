/**
 * The policy as a bundle carries it: only what the bootstrap enforces at run
 * time, each package's `globals` (LavaMoat's shape, which gzip compresses to
 * almost nothing: a denser encoding measured larger once its decoder was
 * counted) and the messages of the denied static imports:
 *
 *   { "resources": { "react": { "globals": { "console": true } } }, "denied": ["Package \"a\" may not import …"] }
 */
import type { Policy } from '../policy-types.js';

/** The bundled form: a policy with only globals, and the denials. */
export type BundledPolicy = Policy & { denied?: string[] };

/** The bundled form of `policy`'s globals, with the denials `denied`. */
export function bundlePolicy(policy: Policy, denied: readonly string[]): BundledPolicy {
  const resources: Policy['resources'] = {};
  for (const [name, entry] of Object.entries(policy.resources)) {
    resources[name] = entry.globals === undefined ? {} : { globals: entry.globals };
  }
  return denied.length === 0 ? { resources } : { resources, denied: [...denied] };
}
