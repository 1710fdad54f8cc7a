/**
 * The virtual modules of a bundle: `hermetic:bootstrap` (the start-up code,
 * carrying the policy), `hermetic:lockdown`, and the per-module scope and
 * deny modules. The bootstrap reads the policy by calling a function that
 * {@link injectPolicy} appends to the output chunk once the whole graph is
 * known (a generated policy needs every module first): a function
 * declaration is hoisted, so it can come after all the chunk's code, where
 * adding it moves nothing that the chunk's source map points at.
 */

import { INERT_EVALUATORS_ID, inertEvaluatorsSource } from './inert-evaluators.js';

/** Options that shape the emitted bootstrap. */
export interface BootstrapOptions {
  debug: boolean;
  frozenGlobals: boolean;
  /** Import {@link LOCKDOWN_ID} before anything else: no package's code can run before SES hardens the intrinsics. */
  hardened?: boolean;
  /** The policy to carry in the bootstrap itself (dev servers); by default it is appended to the output later. */
  policyJson?: string;
}

/** The id the bootstrap module is imported by. */
export const BOOTSTRAP_ID = 'hermetic:bootstrap';

/** The id of the hardening module (SES `lockdown()` before anything else runs). */
export const LOCKDOWN_ID = 'hermetic:lockdown';

/** Ids of the per-package scope modules: `hermetic:scope:` and the package's name, base64url. */
export const SCOPE_PREFIX = 'hermetic:scope:';

/** Ids of the modules that stand before a denied import: `hermetic:deny:` and the message, base64url. */
export const DENY_PREFIX = 'hermetic:deny:';

// Payloads travel in module ids, which a dev server turns into URL paths (where quotes, backslashes and
// slashes do not survive): base64url keeps them to letters, digits, `-` and `_`.
const encodePayload = (text: string): string => Buffer.from(text).toString('base64url');
// A dev server may append its own query (`?import`) to an id that does not look like JavaScript.
const decodePayload = (id: string, prefix: string): string => Buffer.from(id.slice(prefix.length).replace(/\?.*$/, ''), 'base64url').toString();

/** The function the bootstrap calls for the policy: a free name until {@link injectPolicy} declares it. */
const POLICY_FUNCTION = '__hermetic$policy';

/** Source of the bootstrap module. */
export function bootstrapSource(options: BootstrapOptions): string {
  return [
    ...(options.hardened === true ? [`import ${JSON.stringify(LOCKDOWN_ID)};`] : []),
    `import { createPackageScopes } from "@hermetic/bundler-core/bootstrap";`,
    `const scopes = createPackageScopes({ policy: ${options.policyJson === undefined ? `${POLICY_FUNCTION}()` : `JSON.parse(${JSON.stringify(options.policyJson)})`}, debug: ${options.debug}, frozenGlobals: ${options.frozenGlobals} });`,
    `export const scopeOf = scopes.scopeOf, denied = scopes.denied;`,
    '',
  ].join('\n');
}

/**
 * Source of a scope module (id {@link SCOPE_PREFIX}…): the scope of one
 * package, the only one its code can import (virtual-requests.ts). Its ES
 * modules import the strict scope's members (`g`, `t`, `y`, `w`, `d`) first,
 * so the scope is bound before any of their code, hoisted functions included,
 * can run; its CommonJS modules `require` it and take `s` (the sloppy scope
 * object) as `g` when they are sloppy.
 */
export function scopeModuleSource(id: string): string | undefined {
  if (!id.startsWith(SCOPE_PREFIX)) return undefined;
  const name = JSON.stringify(scopePackageOf(id));
  return `import { scopeOf } from ${JSON.stringify(BOOTSTRAP_ID)};\n` +
    `export const { g, t, y, w, d } = scopeOf(${name}, true), s = scopeOf(${name}, false).g;\n`;
}

/** The package whose scope module `id` ({@link SCOPE_PREFIX}…) is. */
export function scopePackageOf(id: string): string {
  return decodePayload(id, SCOPE_PREFIX);
}

/** The id of the scope module of `packageName`'s ES modules. */
export function scopeModuleId(packageName: string): string {
  return SCOPE_PREFIX + encodePayload(packageName);
}

/** Source of a deny module (id {@link DENY_PREFIX}…). */
export function denyModuleSource(id: string): string | undefined {
  if (!id.startsWith(DENY_PREFIX)) return undefined;
  return `import { denied } from ${JSON.stringify(BOOTSTRAP_ID)};\ndenied(${JSON.stringify(decodePayload(id, DENY_PREFIX))});\n`;
}

/** The id of the deny module that throws (or logs) `message`. */
export function denyModuleId(message: string): string {
  return DENY_PREFIX + encodePayload(message);
}

/** The source of any of Hermetic's virtual modules, by id; `undefined` for other ids. */
export function virtualModuleSource(id: string, options: BootstrapOptions): string | undefined {
  const bare = id.replace(/\?import$/, '');
  if (bare === BOOTSTRAP_ID) return bootstrapSource(options);
  if (bare === LOCKDOWN_ID) return lockdownSource();
  if (bare === INERT_EVALUATORS_ID) return inertEvaluatorsSource();
  return scopeModuleSource(id) ?? denyModuleSource(id);
}

/** Source of the hardening module. */
export function lockdownSource(): string {
  // SES probes the host's evaluators with strings whatever its options, and a strict CSP reports every
  // probe: the module imported first makes them inert, so nothing is compiled (inert-evaluators.ts).
  return [
    `import ${JSON.stringify(INERT_EVALUATORS_ID)};`,
    `import "ses";`,
    `lockdown({ errorTaming: "unsafe", consoleTaming: "unsafe", overrideTaming: "severe", stackFiltering: "verbose" });`,
    '',
  ].join('\n');
}

/** True when `text` (an output chunk) holds the bootstrap, which reads the policy. */
export function hasPolicyPlaceholder(text: string): boolean {
  return text.includes(POLICY_FUNCTION);
}

const SOURCE_MAP_COMMENT = /\n\/\/# sourceMappingURL=[^\n]*\s*$/;

/**
 * Appends the declaration of the policy function to an output chunk, after
 * its code and before a trailing `//# sourceMappingURL=` comment: on lines of
 * its own, so every position the chunk's source map describes stays put.
 * In an IIFE bundle it lands after the IIFE, as a global function of the
 * script, which is instantiated before the IIFE runs.
 */
export function injectPolicy(text: string, policyJson: string): string {
  // JSON is a JavaScript expression too, and shorter than a string for JSON.parse (no escaped quotes), except
  // that a literal's "__proto__" key would set the prototype instead of defining the property.
  const value = policyJson.includes('"__proto__"') ? `JSON.parse(${JSON.stringify(policyJson)})` : policyJson;
  const declaration = `\nfunction ${POLICY_FUNCTION}(){return ${value}}\n`;
  const comment = SOURCE_MAP_COMMENT.exec(text);
  if (comment === null) return text.replace(/\n?$/, declaration);
  return text.slice(0, comment.index) + declaration.trimEnd() + text.slice(comment.index);
}
