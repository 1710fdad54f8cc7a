/**
 * What a loaded policy is warned about: grants that hand over more than
 * their name says. A DOM node or EventTarget API reaches the page's window
 * (dom-grants.ts); in Node, the whole `process` object (`process.binding`,
 * `process.dlopen`, `getBuiltinModule`) and the built-ins that compile or
 * start code (`vm`, `module`, `worker_threads`, `child_process`) are the
 * host's whole authority; in browsers, `Worker` and `SharedWorker` start any
 * same-origin script in a realm of its own with the page's capabilities.
 */
import { domGrantWarnings } from './dom-grants.js';
import type { Policy } from './policy-types.js';

/** Globals that start a realm of the page's own (a worker runs any same-origin script with the page's capabilities). */
const REALM_GLOBALS = ['Worker', 'SharedWorker', 'navigator.serviceWorker'];

/** Built-in modules whose grant is a grant of everything the host can do. */
const AUTHORITY_BUILTINS = ['child_process', 'module', 'vm', 'worker_threads', 'inspector'];

/** The warnings for `policy`'s grants that are equivalent to granting the host itself. */
export function grantWarnings(policy: Policy): string[] {
  const warnings = domGrantWarnings(policy);
  for (const [packageName, entry] of Object.entries(policy.resources)) {
    const named: string[] = [];
    const globals = entry.globals ?? {};
    if (globals.process !== undefined && globals.process !== false) named.push('the global "process"');
    const realms = REALM_GLOBALS.filter((name) => globals[name] !== undefined && globals[name] !== false);
    if (realms.length > 0) {
      warnings.push(
        `Package "${packageName}" is granted ${realms.map((name) => `"${name}"`).join(', ')}: a worker runs any same-origin script in a realm ` +
          'of its own with the page\'s capabilities (fetch, storage), so this grant is equivalent to granting them all.',
      );
    }
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
