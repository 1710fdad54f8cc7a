/**
 * `@hermetic/bundler-core/bootstrap`: the browser-safe start-up code that
 * every Hermetic bundle includes (see package-scopes.ts).
 */
export { createPackageScopes } from './package-scopes.js';
export type { PackageScopes, PackageScopesOptions, PackageScope } from './package-scopes.js';
export { HermeticPolicyError, deniedGlobalError, deniedImportError, computedImportMessage } from './denial-messages.js';
export { definePackageGlobals, grantTree } from './package-globals.js';
export type { GrantTree } from './package-globals.js';
export { createPackageGlobal, intrinsicDescriptors } from './package-global.js';
export type { IntrinsicDescriptors } from './package-global.js';
export { bundlePolicy } from './bundled-policy.js';
export type { BundledPolicy } from './bundled-policy.js';
