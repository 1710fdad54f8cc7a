/**
 * The part of an ECMA-262 global Environment Record that is not the global
 * object itself: the declarative record holding top-level `let`/`const`/
 * `class` and the [[VarNames]] list. One per global object, so later scripts
 * of the same global see earlier scripts' lexical bindings (CONFORMANCE 35).
 */
import { beforeInitialization, hasOwn } from './shared-helpers.js';

/** One top-level lexical binding of a global. */
export interface LexicalBinding {
  value: unknown;
  initialized: boolean;
  constant: boolean;
}

/** The declarative half of a global environment. */
export interface GlobalDeclarations {
  readonly lexical: Map<string, LexicalBinding>;
  readonly varNames: Set<string>;
  /** Bumped whenever lexical bindings are added (they are never removed), so scopes can cache lookups. */
  version: number;
  /**
   * A live view of the lexical binding `name`: undefined while there is
   * none, throws the TDZ ReferenceError while it is uninitialised. (Here
   * rather than in global-scope.ts, so module code's scopes do not carry it.)
   */
  bindingOf(name: string): () => LexicalBinding | undefined;
}

const declarationsByGlobal = new WeakMap<object, GlobalDeclarations>();

/** Returns the declarative record of `globalObject`, creating it on first use. */
export function declarationsOf(globalObject: object): GlobalDeclarations {
  let declarations = declarationsByGlobal.get(globalObject);
  if (!declarations) {
    const created: GlobalDeclarations = {
      lexical: new Map(),
      varNames: new Set(),
      version: 0,
      bindingOf(name) {
        // Lexical bindings are only ever added, so a found binding is final and
        // an absent one needs looking up again only after a later declaration.
        let seenVersion = -1;
        let found: LexicalBinding | undefined;
        return () => {
          if (found === undefined && seenVersion !== created.version) {
            found = created.lexical.get(name);
            seenVersion = created.version;
          }
          if (found !== undefined && !found.initialized) throw beforeInitialization(name);
          return found;
        };
      },
    };
    declarations = created;
    declarationsByGlobal.set(globalObject, created);
  }
  return declarations;
}

/** What GlobalDeclarationInstantiation needs to know about a script. */
export interface ScriptDeclarations {
  varNames: readonly string[];
  functionNames: readonly string[];
  lexicalNames: readonly string[];
  constNames?: readonly string[];
  specifier?: string;
}

/** The SyntaxError of a name declared twice (`why` adds the reason when it is not another declaration). */
function redeclared(name: string, script: ScriptDeclarations, why = ''): SyntaxError {
  return new SyntaxError(`Identifier '${name}' has already been declared${where(script)}${why}`);
}

/** The TypeError of a var or function name the global object refuses. */
function cannotDeclare(kind: string, name: string, script: ScriptDeclarations, why: string): TypeError {
  return new TypeError(`Cannot declare global ${kind} '${name}'${where(script)}: the global object ${why}`);
}

function where(script: ScriptDeclarations): string {
  return script.specifier === undefined ? '' : ` (in ${script.specifier})`;
}

/**
 * ECMA-262 GlobalDeclarationInstantiation: checks every conflict before
 * creating anything, so a failing script declares nothing. Function
 * bindings are created holding `undefined`; the functor's prologue assigns
 * the function objects before any other code of the script runs.
 */
export function instantiateGlobalDeclarations(globalObject: object, script: ScriptDeclarations): void {
  const declarations = declarationsOf(globalObject);
  const { lexical, varNames: declaredVars } = declarations;
  const own = (name: string): PropertyDescriptor | undefined => Reflect.getOwnPropertyDescriptor(globalObject, name);
  const extensible = Reflect.isExtensible(globalObject);
  for (const name of script.lexicalNames) {
    if (declaredVars.has(name) || lexical.has(name)) throw redeclared(name, script);
    if (own(name)?.configurable === false) throw redeclared(name, script, `: the global object has a non-configurable property '${name}'`);
  }
  for (const name of [...script.varNames, ...script.functionNames]) {
    if (lexical.has(name)) throw redeclared(name, script);
  }
  const functionNames = new Set(script.functionNames);
  for (const name of functionNames) {
    const existing = own(name);
    const declarable =
      !existing ? extensible : existing.configurable === true || ('value' in existing && existing.writable === true && existing.enumerable === true);
    if (!declarable) throw cannotDeclare('function', name, script, 'does not allow it');
  }
  const varNames = new Set(script.varNames.filter((name) => !functionNames.has(name)));
  for (const name of varNames) {
    if (!extensible && !hasOwn(globalObject, name)) throw cannotDeclare('variable', name, script, 'is not extensible');
  }

  const constants = new Set(script.constNames);
  for (const name of script.lexicalNames) lexical.set(name, { value: undefined, initialized: false, constant: constants.has(name) });
  if (script.lexicalNames.length > 0) declarations.version += 1;
  // DefinePropertyOrThrow, as CreateGlobalFunctionBinding and CreateGlobalVarBinding do.
  const binding: PropertyDescriptor = { value: undefined, writable: true, enumerable: true, configurable: false };
  for (const name of functionNames) {
    const existing = own(name);
    Object.defineProperty(globalObject, name, !existing || existing.configurable === true ? binding : { value: undefined });
    declaredVars.add(name);
  }
  for (const name of varNames) {
    if (!hasOwn(globalObject, name)) Object.defineProperty(globalObject, name, binding);
    declaredVars.add(name);
  }
}
