/**
 * Public types of @hermetic/module-source. The record shapes are specified in
 * docs/record-format.md; keep the two in step.
 */

import type { Binding } from '@hermetic/runtime';

/** One entry of a module's static analysis, in the proposal's shapes (the runtime's type: it reads them). */
export type { Binding };

/** A version 3 source map, as a plain object. */
export interface SourceMapV3 {
  version: 3;
  file?: string;
  sources: string[];
  sourcesContent?: Array<string | null>;
  names: string[];
  mappings: string;
}

/** Options of {@link compileModule}. */
export interface CompileModuleOptions {
  /** Names the module in error messages, warnings and the source map's `sources`. */
  specifier?: string;
  /** Produce `map`, a source map from `code` back to `text`. */
  sourceMap?: boolean;
  /** `'module'` (default): `export default {…};`. `'expression'`: `({…})`. */
  format?: 'module' | 'expression';
}

/** What {@link compileModule} returns. */
export interface CompiledModule {
  bindings: Binding[];
  needsImport: boolean;
  needsImportMeta: boolean;
  hasTopLevelAwait: boolean;
  /** Free references, in order of first appearance. */
  globals: string[];
  /** The record as JavaScript text (see docs/record-format.md). */
  code: string;
  /** Present when `sourceMap` was requested. */
  map?: SourceMapV3;
  /** Things that compile but cannot keep native semantics (direct eval), with file:line:column. */
  warnings: string[];
}

/** The function kinds `new Function`-like constructors create. */
export type FunctionKind = 'normal' | 'async' | 'generator' | 'asyncGenerator';

/** Options of {@link compileScript}. */
export interface CompileScriptOptions {
  specifier?: string;
  /** Compile as strict code even without a `"use strict"` directive (Compartment#evaluate). */
  strict?: boolean;
  sourceMap?: boolean;
  /**
   * Compile `text` as the body of a function created by a `Function`
   * constructor with these parameters; the functor returns that function.
   */
  functionBody?: { params: string; kind: FunctionKind };
}

/** What {@link compileScript} returns. */
export interface CompiledScript {
  /** The script record as a parenthesised object literal `({…})`. */
  code: string;
  strict: boolean;
  varNames: string[];
  functionNames: string[];
  lexicalNames: string[];
  /** The subset of `lexicalNames` declared with `const` (assignment to them is a TypeError). */
  constNames: string[];
  globals: string[];
  map?: SourceMapV3;
  warnings: string[];
}

/** What a CommonJS scope prelude is told about the compiled module. */
export interface ScopePreludeInfo {
  /** The prefix of the compiler's names (`$h` unless the text contains it). */
  prefix: string;
  /** Free references, in order of first appearance. */
  globals: string[];
  /** The module says "use strict". */
  strict: boolean;
  /**
   * Which of `${prefix}g` (the scope object: sloppy writes to an absent name
   * create it, strict ones throw), `${prefix}t` (the strict scope object, for
   * writes from strict functions in sloppy code), `${prefix}y` (`typeof`),
   * `${prefix}w` (maps the host global, a sloppy function's `this` when called
   * without receiver, to the package's global) and `${prefix}d` (`import()`
   * of a specifier that is not a literal: `d(specifier, "file:line:col",
   * options?)` must return a rejected promise) the code uses.
   */
  uses: string[];
}

/** Options of {@link compileCommonJS}. */
export interface CompileCommonJSOptions {
  /** Names the module in error messages, warnings and the source map's `sources`. */
  specifier?: string;
  /** Produce `map`, a source map from `code` back to `text`; `'columns'`: the cheaper `columns` instead. */
  sourceMap?: boolean | 'columns';
  /**
   * Code put first (after the directive prologue, on line 1) that binds the
   * names listed in {@link ScopePreludeInfo.uses}: a function of the
   * compilation, or text in which `$h` names are renamed to the chosen prefix.
   * It must not contain a line break.
   */
  scopePrelude?: string | ((info: ScopePreludeInfo) => string);
  /**
   * Dotted member chains read as written (`process.env.NODE_ENV`) whose free
   * root is left alone, so that a bundler's `define` or replace step, which
   * runs later and matches the chain only with a free root, still replaces
   * them. A chain nobody replaces reads the host's global.
   */
  preserve?: string[];
  /**
   * How the compiled code names this file at run time (the place a refused
   * computed `import()` reports: `location:line:column`); `specifier` by
   * default. A bundle should not carry the build machine's absolute paths.
   */
  location?: string;
  /**
   * Free names whose calls compile to `$hg.X(…)` rather than `(0, $hg.X)(…)`:
   * only exact for functions that ignore their `this`, such as the
   * ECMAScript intrinsics on a frozen global (`Error(…)`, `String(…)`).
   */
  directCalls?: string[];
}

/** Options of {@link compileModuleInPlace}. */
export interface CompileModuleInPlaceOptions {
  /** Names the module in error messages, warnings and the source map's `sources`. */
  specifier?: string;
  /** Produce `map`, a source map from `code` back to `text`; `'columns'`: the cheaper `columns` instead. */
  sourceMap?: boolean | 'columns';
  /**
   * Code put first (on line 1) that binds the names listed in
   * {@link ScopePreludeInfo.uses} before any code of the module runs (an
   * `import` declaration): a function of the compilation, or text in which
   * `$h` names are renamed to the chosen prefix. No line break.
   */
  scopePrelude?: string | ((info: ScopePreludeInfo) => string);
  /** As {@link CompileCommonJSOptions.preserve}: member chains a later `define` step replaces. */
  preserve?: string[];
  /** As {@link CompileCommonJSOptions.directCalls}. */
  directCalls?: string[];
  /** As {@link CompileCommonJSOptions.location}. */
  location?: string;
  /**
   * The bundler may run this module without strict mode (esbuild's IIFE
   * output drops module strictness, so a receiverless call's `this` is the
   * host's global): `this` in non-arrow functions that are strict only as
   * module code (no directive, not in a class) compiles to `$hw(this)`, which
   * maps the host's global to the package's.
   */
  sloppyOutput?: boolean;
}

/**
 * Where the columns of an in-place compilation's lines came from (lines keep
 * their numbers): by 0-based line, flat triples `[compiledColumn,
 * originalColumn, constant]` in column order. A compiled column `c` at or
 * after a triple's `compiledColumn` (and before the next's) comes from
 * `originalColumn + (c - compiledColumn)`, or from `originalColumn` itself
 * when `constant` is 1 (text the compiler wrote). Lines not listed are
 * unchanged.
 */
export type ColumnMap = Record<number, number[]>;

/** What {@link compileModuleInPlace} and {@link compileCommonJS} return. */
export type CompiledInPlace = CompiledCommonJS;

/** What {@link compileModuleInPlace} returns. */
export interface CompiledModuleInPlace extends CompiledInPlace {
  /** The specifiers of the static requests (`import`, `export … from`), first appearance order. */
  imports: string[];
  /** The module contains an `import()` expression. */
  hasDynamicImport: boolean;
}

/** What {@link compileCommonJS} returns. */
export interface CompiledCommonJS {
  /** The module body, still a CommonJS module body. */
  code: string;
  map: SourceMapV3 | undefined;
  /** With `sourceMap: 'columns'`: the column map (a source map when an edit joined lines). */
  columns?: ColumnMap;
  /** Free references, in order of first appearance. */
  globals: string[];
  strict: boolean;
  /** The scope names the code uses (see {@link ScopePreludeInfo.uses}). */
  uses: string[];
  prefix: string;
  /** `specifier:line:column: message` (direct eval, computed `import()`). */
  warnings: string[];
}
