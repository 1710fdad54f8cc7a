/**
 * The virtual modules of a bundle: `hermetic:bootstrap` (the start-up code,
 * carrying the policy), `hermetic:lockdown`, and the per-module scope and
 * deny modules. The policy is written as a placeholder that {@link injectPolicy}
 * replaces in the bundle's output once the whole graph is known (a generated
 * policy needs every module first).
 */

/** Options that shape the emitted bootstrap. */
export interface BootstrapOptions {
  debug: boolean;
  frozenGlobals: boolean;
}

/** The id the bootstrap module is imported by. */
export const BOOTSTRAP_ID = 'hermetic:bootstrap';

/** The id of the hardening module (SES `lockdown()` before anything else runs). */
export const LOCKDOWN_ID = 'hermetic:lockdown';

/** Ids of the per-module scope modules: `hermetic:scope:` and the JSON of `[package, names]`. */
export const SCOPE_PREFIX = 'hermetic:scope:';

/** Ids of the modules that stand before a denied import: `hermetic:deny:` and the JSON of the message. */
export const DENY_PREFIX = 'hermetic:deny:';

const PLACEHOLDER = '__HERMETIC_POLICY__';
const PLACEHOLDER_PATTERN = /(["'`])__HERMETIC_POLICY__\1/g;

/** Source of the bootstrap module. */
export function bootstrapSource(options: BootstrapOptions): string {
  return [
    `import { createPackageScopes } from "@hermetic/bundler-core/bootstrap";`,
    `const scopes = createPackageScopes({ policy: JSON.parse("${PLACEHOLDER}"), debug: ${options.debug}, frozenGlobals: ${options.frozenGlobals} });`,
    `export const scopeOf = scopes.scopeOf, denied = scopes.denied, deniedImport = scopes.deniedImport;`,
    '',
  ].join('\n');
}

/**
 * Source of a scope module (id {@link SCOPE_PREFIX}…): the scope object of
 * one ES module, whose own `import` of it is its first, so the scope is bound
 * before any of its code, hoisted functions included, can run.
 */
export function scopeModuleSource(id: string): string | undefined {
  if (!id.startsWith(SCOPE_PREFIX)) return undefined;
  const [packageName, names] = JSON.parse(id.slice(SCOPE_PREFIX.length)) as [string, string[]];
  return `import { scopeOf } from ${JSON.stringify(BOOTSTRAP_ID)};\nexport const { g, y } = scopeOf(${JSON.stringify(packageName)}, ${JSON.stringify(names)}, true);\n`;
}

/** The id of the scope module for a module of `packageName` that uses `names`. */
export function scopeModuleId(packageName: string, names: readonly string[]): string {
  return SCOPE_PREFIX + JSON.stringify([packageName, names]);
}

/** Source of a deny module (id {@link DENY_PREFIX}…). */
export function denyModuleSource(id: string): string | undefined {
  if (!id.startsWith(DENY_PREFIX)) return undefined;
  return `import { denied } from ${JSON.stringify(BOOTSTRAP_ID)};\ndenied(${JSON.stringify(JSON.parse(id.slice(DENY_PREFIX.length)))});\n`;
}

/** The source of any of Hermetic's virtual modules, by id; `undefined` for other ids. */
export function virtualModuleSource(id: string, options: BootstrapOptions): string | undefined {
  if (id === BOOTSTRAP_ID) return bootstrapSource(options);
  if (id === LOCKDOWN_ID) return lockdownSource();
  return scopeModuleSource(id) ?? denyModuleSource(id);
}

/** Source of the hardening module. */
export function lockdownSource(): string {
  return [
    `import "ses";`,
    `lockdown({ errorTaming: "unsafe", consoleTaming: "unsafe", overrideTaming: "severe", stackFiltering: "verbose" });`,
    '',
  ].join('\n');
}

/** True when `text` (an output chunk) holds the policy placeholder. */
export function hasPolicyPlaceholder(text: string): boolean {
  return text.includes(PLACEHOLDER);
}

/** Replaces the placeholder in an output chunk with the final policy. */
export function injectPolicy(text: string, policyJson: string): string {
  return text.replace(PLACEHOLDER_PATTERN, () => JSON.stringify(policyJson));
}

/** One replacement {@link injectPolicyWithEdits} made: at `offset` of the old text, `removed` characters became `inserted`. */
export interface TextEdit {
  offset: number;
  removed: number;
  inserted: number;
}

/**
 * {@link injectPolicy}, also telling where the text changed, so that a source
 * map written for the text before the injection can be shifted to match
 * (the policy is one string literal: it never adds a line).
 */
export function injectPolicyWithEdits(text: string, policyJson: string): { text: string; edits: TextEdit[] } {
  const literal = JSON.stringify(policyJson);
  const edits: TextEdit[] = [];
  const injected = text.replace(PLACEHOLDER_PATTERN, (match: string, _quote: string, offset: number) => {
    edits.push({ offset, removed: match.length, inserted: literal.length });
    return literal;
  });
  return { text: injected, edits };
}
