/**
 * The script scope object (`$hg` of a script record) and the script handle.
 * Every top-level and free name of a script resolves here: the global's
 * lexical record first, then the global object (prototype chain included),
 * exactly as an ECMA-262 global Environment Record resolves identifiers.
 */
import { declarationsOf, type LexicalBinding } from './global-declarations.js';
import type { ScriptHandle } from './record-types.js';

/** What the scope needs from the evaluation that owns it. */
export interface ScriptScopeOptions {
  /** Strict code: an assignment to an absent name throws instead of creating a global property. */
  strict: boolean;
  /** The dynamic `import()` of the script (`$h.i`). */
  dynamicImport(specifier: unknown, options?: unknown): Promise<unknown>;
}

function notDefined(name: string): ReferenceError {
  return new ReferenceError(`${name} is not defined`);
}

function beforeInitialization(name: string): ReferenceError {
  return new ReferenceError(`Cannot access '${name}' before initialization`);
}

/** Builds the scope object for `names` over `globalObject`. */
export function createScriptScope(globalObject: object, names: Iterable<string>, strict: boolean): object {
  const declarations = declarationsOf(globalObject);
  const globalRecord = globalObject as Record<string, unknown>;
  const scope = Object.create(null) as Record<string, unknown>;
  // On a frozen global an own data property can never change, and no later
  // script can shadow it with `let` (GlobalDeclarationInstantiation rejects
  // lexical names of non-configurable properties): read it once. Writes to
  // the resulting read-only property fail exactly as on the global.
  const frozen = Object.isFrozen(globalObject);
  for (const name of new Set(names)) {
    if (frozen && !declarations.lexical.has(name)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(globalObject, name);
      if (descriptor !== undefined && 'value' in descriptor) {
        Object.defineProperty(scope, name, { value: descriptor.value, writable: false, enumerable: true, configurable: false });
        continue;
      }
    }
    // Lexical bindings are only ever added, so a found binding is final and
    // an absent one needs looking up again only after a later declaration.
    let seenVersion = -1;
    let found: LexicalBinding | undefined;
    const lexicalBinding = (): LexicalBinding | undefined => {
      if (found === undefined && seenVersion !== declarations.version) {
        found = declarations.lexical.get(name);
        seenVersion = declarations.version;
      }
      return found;
    };
    Object.defineProperty(scope, name, {
      get() {
        const binding = lexicalBinding();
        if (binding !== undefined) {
          if (!binding.initialized) throw beforeInitialization(name);
          return binding.value;
        }
        // One lookup in the common case; HasProperty only decides between
        // an absent name and a property holding undefined.
        const value = globalRecord[name];
        if (value === undefined && !(name in globalObject)) throw notDefined(name);
        return value;
      },
      set(value: unknown) {
        const binding = lexicalBinding();
        if (binding !== undefined) {
          if (!binding.initialized) throw beforeInitialization(name);
          if (binding.constant) throw new TypeError(`Assignment to constant variable '${name}'.`);
          binding.value = value;
          return;
        }
        if (strict && !Reflect.has(globalObject, name)) throw notDefined(name);
        if (!Reflect.set(globalObject, name, value) && strict) {
          throw new TypeError(`Cannot assign to read only property '${name}' of the global object`);
        }
      },
      enumerable: true,
      configurable: false,
    });
  }
  return Object.freeze(scope);
}

/** `typeof name` against the global scope: `'undefined'` when absent, a TDZ binding still throws. */
export function typeofGlobal(globalObject: object, name: string): string {
  const binding = declarationsOf(globalObject).lexical.get(name);
  if (binding !== undefined) {
    if (!binding.initialized) throw beforeInitialization(name);
    return typeof binding.value;
  }
  return Reflect.has(globalObject, name) ? typeof Reflect.get(globalObject, name) : 'undefined';
}

/** Builds the `$h` handed to a script functor. */
export function createScriptHandle(globalObject: object, names: Iterable<string>, options: ScriptScopeOptions): ScriptHandle {
  const { lexical } = declarationsOf(globalObject);
  return {
    g: createScriptScope(globalObject, names, options.strict),
    y: (name: string) => typeofGlobal(globalObject, name),
    l(name: string, value: unknown) {
      const binding = lexical.get(name);
      if (binding === undefined) throw new TypeError(`Script record initialises '${name}', which it did not declare in lexicalNames`);
      binding.value = value;
      binding.initialized = true;
      return value;
    },
    i: (specifier: unknown, importOptions?: unknown) => options.dynamicImport(specifier, importOptions),
  };
}
