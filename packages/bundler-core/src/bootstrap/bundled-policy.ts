/**
 * The policy as a bundle carries it: only what the bootstrap enforces at run
 * time, each package's `globals` (LavaMoat's shape, which gzip compresses to
 * almost nothing: a denser encoding measured larger once its decoder was
 * counted), the messages of the denied static imports, and the one the bundle
 * then fails with (built here, so that the bootstrap carries no code for it):
 *
 *   { "resources": { "react": { "globals": { "console": true } } }, "denied": ["Package \"a\" may not import …"], "failure": "…" }
 */
import type { Policy } from '../policy-types.js';

/** The bundled form: a policy with only globals, the denials, and the message the bundle fails with if any. */
export type BundledPolicy = Policy & { denied?: string[]; failure?: string };

/** The bundled form of `policy`'s globals, with the denials `denied`. */
export function bundlePolicy(policy: Policy, denied: readonly string[]): BundledPolicy {
  const resources: Policy['resources'] = {};
  for (const [name, entry] of Object.entries(policy.resources)) {
    resources[name] = entry.globals === undefined ? {} : { globals: entry.globals };
  }
  if (denied.length === 0) return { resources };
  const more = denied.length - 1;
  const rest = more === 0 ? '' : ` (and ${more} more denied import${more > 1 ? 's' : ''}: ${denied.slice(1).join(' | ')})`;
  return { resources, denied: [...denied], failure: denied[0] + rest };
}
