/**
 * The errors and warnings a policy denial produces. Each names the package,
 * the name, and the exact policy entry that would allow it, ready to paste
 * into the override file. The bootstrap builds them after package code may
 * have run, so they use only captured intrinsics (captured.ts).
 */
import { ReferenceErrorConstructor, assigned, defineProperty, freeze, isReference, stringify } from './captured.js';

/** Error class for a denied import, so callers can tell policy failures apart. */
export class HermeticPolicyError extends Error {
  constructor(message: string) {
    super(message);
    // Defined as an assignment would create it, not assigned: an assignment would reach a setter a package put on Error.prototype.
    defineProperty(this, 'name', assigned('HermeticPolicyError'));
  }
}
// A package holding one of these errors must not be able to re-parent the class for everyone.
freeze(HermeticPolicyError);

// JSON text built by hand: JSON.stringify of an object would look up `toJSON` on it.
function entry(packageName: string, kind: 'globals' | 'packages' | 'builtin', name: string): string {
  return `{"resources":{${stringify(packageName)}:{"${kind}":{${stringify(name)}:true}}}}`;
}

/** The ReferenceError a package gets when it reads or writes a global its policy does not grant. */
export function deniedGlobalError(packageName: string, name: string): ReferenceError {
  return new ReferenceErrorConstructor(
    `${name} is not defined in package "${packageName}": the Hermetic policy does not grant this global. ` +
      `To allow it, add to your policy override: ${entry(packageName, 'globals', name)}`,
  );
}

/** The error raised at start-up when a package imports a package its policy does not list. */
export function deniedImportError(importer: string, imported: string, fromModule: string, specifier: string): HermeticPolicyError {
  return new HermeticPolicyError(
    `Package "${importer}" may not import package "${imported}" (${fromModule} imports "${specifier}"): ` +
      `the Hermetic policy does not allow it. To allow it, add to your policy override: ${entry(importer, 'packages', imported)}`,
  );
}

/** The error raised when a package imports a host built-in module its policy does not list. */
export function deniedBuiltinError(importer: string, builtin: string, fromModule: string): HermeticPolicyError {
  return new HermeticPolicyError(
    `Package "${importer}" may not import the built-in module "${builtin}" (from ${fromModule}): ` +
      `the Hermetic policy does not allow it. To allow it, add to your policy override: ${entry(importer, 'builtin', builtin)}`,
  );
}

/**
 * The message of a CommonJS `require` of another package that the policy does
 * not grant (thrown by the stub that replaces the required module).
 */
export function deniedRequireMessage(importer: string, required: string, fromModule: string, specifier: string): string {
  return `Package "${importer}" may not require package "${required}" (${fromModule} requires "${specifier}"): ` +
    `the Hermetic policy does not allow it. To allow it, add to your policy override: ${entry(importer, 'packages', required)}`;
}

/** The message of a CommonJS `require` of a host built-in module that the policy does not grant. */
export function deniedBuiltinRequireMessage(importer: string, builtin: string, fromModule: string): string {
  return `Package "${importer}" may not require the built-in module "${builtin}" (from ${fromModule}): ` +
    `the Hermetic policy does not allow it. To allow it, add to your policy override: ${entry(importer, 'builtin', builtin)}`;
}

/**
 * The message of an `import()` the bundler leaves to the host's loader (compiled
 * to the scope's `d`): a computed specifier, or a literal one with options the
 * bundler cannot read (`import("x", options)`). No policy can allow it. The
 * specifier is shown as `String(specifier)` when that runs no code of the
 * package (a primitive but a symbol), else as its type.
 */
export function computedImportMessage(packageName: string, specifier: unknown, where: string): string {
  const type = typeof specifier;
  const shown = type === 'symbol' || isReference(specifier) ? type : `${specifier as string}`;
  return `Package "${packageName}" may not use this import() (import(${shown}) at ${where}): ` +
    'bundlers resolve only a literal specifier with literal options, so Hermetic cannot check it against the policy. ' +
    'Use a literal specifier (with no options, or literal import attributes), or exclude the package.';
}

/** The debug-mode warning for a denial that was let through. */
export function denialWarning(message: string): string {
  return `[hermetic debug] allowed despite the policy: ${message}`;
}
