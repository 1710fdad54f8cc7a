/**
 * The virtual `hermetic:bootstrap` module of a bundle: it imports the runtime
 * and the start-up code, and carries the policy. The policy is written as a
 * placeholder that {@link injectPolicy} replaces in the bundle's output once
 * the whole graph is known (a generated policy needs every module first).
 */

/** Options that shape the emitted bootstrap. */
export interface BootstrapOptions {
  debug: boolean;
  hardened: boolean;
  frozenGlobals: boolean;
}

/** The id of the hardening module (SES `lockdown()` before anything else runs). */
export const LOCKDOWN_ID = 'hermetic:lockdown';

const PLACEHOLDER = '__HERMETIC_POLICY__';
const PLACEHOLDER_PATTERN = /(["'`])__HERMETIC_POLICY__\1/g;

/** Source of the bootstrap module. */
export function bootstrapSource(options: BootstrapOptions): string {
  return [
    options.hardened ? `import ${JSON.stringify(LOCKDOWN_ID)};` : '',
    `import { Compartment, ModuleSource } from "@hermetic/runtime";`,
    `import { createHermeticApp } from "@hermetic/bundler-core/bootstrap";`,
    `const app = createHermeticApp({ Compartment, ModuleSource, policy: JSON.parse("${PLACEHOLDER}"), ` +
      `debug: ${options.debug}, frozenGlobals: ${options.frozenGlobals} });`,
    `export const register = app.register;`,
    `export const startNow = app.startNow;`,
    `export const scopeOf = app.scopeOf;`,
    `globalThis[Symbol.for("hermetic.app")] ??= app;`,
    `export default app;`,
    '',
  ].join('\n');
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
