/**
 * What a loaded policy is warned about: grants that hand over more than
 * their name says. A DOM node or EventTarget API reaches the page's window
 * (dom-grants.ts); in Node, the whole `process` object (`process.binding`,
 * `process.dlopen`, `getBuiltinModule`) and the built-ins that compile or
 * start code (`vm`, `module`, `worker_threads`, `child_process`) are the
 * host's whole authority.
 */
import { domGrantWarnings } from './dom-grants.js';
import type { Policy } from './policy-types.js';

/** Built-in modules whose grant is a grant of everything the host can do. */
const AUTHORITY_BUILTINS = ['child_process', 'module', 'vm', 'worker_threads', 'inspector'];

/** The warnings for `policy`'s grants that are equivalent to granting the host itself. */
export function grantWarnings(policy: Policy): string[] {
  const warnings = domGrantWarnings(policy);
  for (const [packageName, entry] of Object.entries(policy.resources)) {
    const named: string[] = [];
    if (entry.globals?.process !== undefined && entry.globals.process !== false) named.push('the global "process"');
    for (const builtin of AUTHORITY_BUILTINS) {
      const granted = Object.entries(entry.builtin ?? {}).some(([path, value]) => value === true && (path === builtin || path.startsWith(`${builtin}.`)));
      if (granted) named.push(`the built-in "${builtin}"`);
    }
    if (named.length === 0) continue;
    warnings.push(
      `Package "${packageName}" is granted ${named.join(', ')}: it can load any module or run any code with the host's authority, ` +
        'so this grant is equivalent to granting everything. Grant the members it needs (e.g. "process.env") instead.',
    );
  }
  return warnings;
}
