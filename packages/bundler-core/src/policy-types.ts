/**
 * The policy shape, kept identical to LavaMoat's `policy.json` so that an
 * existing policy works unchanged: `resources["a>b"].globals / packages /
 * builtin`. Package names are LavaMoat-style dependency paths (`a>b`).
 */

/** `true` grants a read, `"write"` also lets assignments reach the host global, `false` denies explicitly. */
export type GlobalGrant = boolean | 'write';

/** What one package may reach. */
export interface PackagePolicy {
  /** Global names, or dotted paths such as `"console.warn"`, the package may use. */
  globals?: Record<string, GlobalGrant>;
  /** Other packages (by canonical name) the package may import. */
  packages?: Record<string, boolean>;
  /** Host built-in modules (`fs`, or dotted `fs.readFile`) the package may import. */
  builtin?: Record<string, boolean>;
  /** LavaMoat's flag for native addons; accepted and ignored (bundles have none). */
  native?: boolean;
}

/** A whole policy. Unknown top-level keys of a LavaMoat file are kept. */
export interface Policy {
  resources: Record<string, PackagePolicy>;
  [key: string]: unknown;
}

/** The canonical name of the application itself (LavaMoat's root). */
export const ROOT_PACKAGE = '$root$';
