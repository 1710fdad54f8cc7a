/**
 * The part of an ECMA-262 global Environment Record that is not the global
 * object itself: the declarative record holding top-level `let`/`const`/
 * `class` and the [[VarNames]] list. One per global object, so later scripts
 * of the same global see earlier scripts' lexical bindings (CONFORMANCE 35).
 */

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
}

const declarationsByGlobal = new WeakMap<object, GlobalDeclarations>();

/** Returns the declarative record of `globalObject`, creating it on first use. */
export function declarationsOf(globalObject: object): GlobalDeclarations {
  let declarations = declarationsByGlobal.get(globalObject);
  if (declarations === undefined) {
    declarations = { lexical: new Map(), varNames: new Set(), version: 0 };
    declarationsByGlobal.set(globalObject, declarations);
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
  for (const name of script.lexicalNames) {
    if (declarations.varNames.has(name) || declarations.lexical.has(name)) {
      throw new SyntaxError(`Identifier '${name}' has already been declared${where(script)}`);
    }
    const existing = Reflect.getOwnPropertyDescriptor(globalObject, name);
    if (existing !== undefined && existing.configurable === false) {
      throw new SyntaxError(
        `Identifier '${name}' has already been declared${where(script)}: the global object has a non-configurable property '${name}'`,
      );
    }
  }
  const varLike = [...script.varNames, ...script.functionNames];
  for (const name of varLike) {
    if (declarations.lexical.has(name)) {
      throw new SyntaxError(`Identifier '${name}' has already been declared${where(script)}`);
    }
  }
  const functionNames = [...new Set(script.functionNames)];
  for (const name of functionNames) {
    const existing = Reflect.getOwnPropertyDescriptor(globalObject, name);
    const declarable =
      existing === undefined
        ? Reflect.isExtensible(globalObject)
        : existing.configurable === true || ('value' in existing && existing.writable === true && existing.enumerable === true);
    if (!declarable) {
      throw new TypeError(`Cannot declare global function '${name}'${where(script)}: the global object does not allow it`);
    }
  }
  const functionNameSet = new Set(functionNames);
  const varNames = [...new Set(script.varNames)].filter((name) => !functionNameSet.has(name));
  for (const name of varNames) {
    if (!Object.prototype.hasOwnProperty.call(globalObject, name) && !Reflect.isExtensible(globalObject)) {
      throw new TypeError(`Cannot define global variable '${name}'${where(script)}: the global object is not extensible`);
    }
  }

  const constants = new Set(script.constNames ?? []);
  for (const name of script.lexicalNames) {
    declarations.lexical.set(name, { value: undefined, initialized: false, constant: constants.has(name) });
  }
  if (script.lexicalNames.length > 0) declarations.version += 1;
  for (const name of functionNames) {
    const existing = Reflect.getOwnPropertyDescriptor(globalObject, name);
    const descriptor: PropertyDescriptor =
      existing === undefined || existing.configurable === true
        ? { value: undefined, writable: true, enumerable: true, configurable: false }
        : { value: undefined };
    if (!Reflect.defineProperty(globalObject, name, descriptor)) {
      throw new TypeError(`Cannot declare global function '${name}'${where(script)}`);
    }
    declarations.varNames.add(name);
  }
  for (const name of varNames) {
    if (!Object.prototype.hasOwnProperty.call(globalObject, name)) {
      const defined = Reflect.defineProperty(globalObject, name, {
        value: undefined,
        writable: true,
        enumerable: true,
        configurable: false,
      });
      if (!defined) throw new TypeError(`Cannot define global variable '${name}'${where(script)}`);
    }
    declarations.varNames.add(name);
  }
}
