/**
 * @hermetic/bundler-core: what every Hermetic bundler plugin shares.
 */
export { HermeticBuild, fileOfModuleId } from './hermetic-build.js';
export { asVirtualId, virtualRequestError } from './virtual-requests.js';
export { domGrantWarnings, isDomGrant } from './dom-grants.js';
export { grantWarnings } from './grant-warnings.js';
export type { HermeticOptions, ResolvedDependency, DependencyResolver, TransformResult, DeniedRequire, PositionMode, RequestKind, CheckedRequest } from './hermetic-build.js';
export { remapColumns, originalColumn } from './remap-columns.js';
export type { ColumnMapped } from './remap-columns.js';
export { policyGrantsRequire, deniedRequireStub } from './require-policy.js';
export type { RequireTarget } from './require-policy.js';
export { PackageAttributor } from './package-attribution.js';
export type { PackageInfo } from './package-attribution.js';
export { computeCanonicalNames } from './canonical-names.js';
export { isEsModule, isScriptFile } from './module-kind.js';
export {
  bootstrapSource, lockdownSource, virtualModuleSource, injectPolicy, hasPolicyPlaceholder,
  BOOTSTRAP_ID, LOCKDOWN_ID, SCOPE_PREFIX, DENY_PREFIX, scopeModuleId, denyModuleId,
} from './bootstrap-source.js';
export { shiftMappings } from './shift-mappings.js';
export type { TextEdit } from './shift-mappings.js';
export { generatePolicy } from './generate-policy.js';
export type { ModuleUsage } from './generate-policy.js';
export { mergePolicy } from './merge-policy.js';
export { loadPolicyFile, parsePolicy, resolvePolicyInput } from './load-policy.js';
export type { PolicyInput } from './load-policy.js';
export { validatePolicy, PolicyError } from './validate-policy.js';
export { sortPolicy, formatPolicy } from './sort-policy.js';
export { findRuntimePaths } from './runtime-paths.js';
export type { RuntimePaths } from './runtime-paths.js';
export { ROOT_PACKAGE } from './policy-types.js';
export type { Policy, PackagePolicy, GlobalGrant } from './policy-types.js';
export { INTRINSIC_GLOBALS, GLOBAL_ALIASES, isAlwaysAvailable } from './intrinsic-names.js';
export { composeSourceMaps } from './compose-source-maps.js';
