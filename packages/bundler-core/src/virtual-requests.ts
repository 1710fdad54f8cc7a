/**
 * Who may import Hermetic's virtual modules (`hermetic:…`, bootstrap-source.ts). They are the
 * machinery of confinement: the bootstrap hands out scopes, a scope module a package's global. Only
 * lines the compiler itself emits may name them, and each names only what its own package needs:
 *
 * - `hermetic:scope:<pkg>`: from a module of `<pkg>` only (its compiled prelude asks for it);
 * - `hermetic:deny:<message>`: from anywhere (it only throws, or logs, the message);
 * - `hermetic:lockdown`: in hardened mode from anywhere (every entry's prefix: it runs first anyway);
 *   otherwise from a trusted module only, never from a package;
 * - `hermetic:bootstrap`: from Hermetic's virtual modules only.
 */
import { BOOTSTRAP_ID, DENY_PREFIX, LOCKDOWN_ID, SCOPE_PREFIX, scopePackageOf } from './bootstrap-source.js';

/** The module that makes a request for a virtual module. */
export interface VirtualRequester {
  /** Canonical name of the importer's package; `undefined` for an entry or another plugin's virtual module. */
  packageName: string | undefined;
  /** The importer, for the message (root-relative path). */
  module: string;
  /** The importer runs in a compartment (not a trusted root or Hermetic's own code). */
  confined: boolean;
  /** The build is hardened: SES `lockdown()` runs before any package anyway. */
  hardened?: boolean;
}

/**
 * A request's specifier as a Hermetic virtual id, however it is spelled (`hermetic:x`, Rollup's
 * `\0hermetic:x`, Vite's `/@id/__x00__hermetic:x`), or `undefined` for any other specifier.
 */
export function asVirtualId(specifier: string): string | undefined {
  const bare = specifier.replace(/^\/@id\//, '').replace(/^__x00__/, '\0').replace(/^\0/, '');
  return bare.startsWith('hermetic:') ? bare : undefined;
}

/** Why `requester` may not import the virtual module `source`, or `undefined` when it may. */
export function virtualRequestError(source: string, requester: VirtualRequester): string | undefined {
  const id = asVirtualId(source) ?? source;
  if (id.startsWith(DENY_PREFIX)) return undefined;
  if (id.startsWith(SCOPE_PREFIX) && requester.packageName !== undefined && scopePackageOf(id) === requester.packageName) return undefined;
  if (id.replace(/\?.*$/, '') === LOCKDOWN_ID && (requester.hardened === true || (requester.packageName !== undefined && !requester.confined))) return undefined;
  const who = requester.packageName === undefined ? requester.module : `Package "${requester.packageName}" (${requester.module})`;
  const what = id.startsWith(SCOPE_PREFIX) ? `the scope of package "${scopePackageOf(id)}"`
    : id.replace(/\?.*$/, '') === BOOTSTRAP_ID ? 'the bootstrap' : `"${id}"`;
  return `${who} imports ${what}, one of Hermetic's own modules ("${source}"): only the code Hermetic's compiler ` +
    'emits may import them, since they hand out what compartments confine. Remove the import; if you trust this ' +
    'package, leave it out of compartments with the exclude option instead.';
}
