/**
 * Types of the records produced by @hermetic/module-source. The format is
 * specified in docs/record-format.md; keep the two in step.
 */

/** One entry of a module's static analysis, in the proposal's shapes. */
export type Binding =
  | { import: string; as?: string; from: string; attributes?: Record<string, string> }
  | { importAllFrom: string; as: string; attributes?: Record<string, string> }
  | { importFrom: string; attributes?: Record<string, string> }
  | { export: string; as?: string; from?: string; attributes?: Record<string, string> }
  | { exportAllFrom: string; as?: string; attributes?: Record<string, string> };

/** The module handle passed to a functor. */
export interface ModuleHandle {
  g: object;
  k(importIndex: number): unknown;
  x<T>(value: T, ...exportNames: string[]): T;
  y(name: string): string;
  c(name: string): never;
  i(specifier: unknown, options?: unknown): Promise<unknown>;
  m?: object;
}

/**
 * What the first `yield` of a format-2 module functor hands to the runtime:
 * one setter for every import entry and one getter for every local export,
 * each taking the entry's index (`0` when there is no such entry).
 */
export type InstantiationRecord = [
  set: ((importIndex: number, value: unknown) => void) | 0,
  get: ((localExportIndex: number) => unknown) | 0,
  hoisted: string[],
];

/** The first `yield` of a format-1 record (still linked): one function per binding. */
export type FormatOneInstantiationRecord = [
  setters: Array<(value: unknown) => void>,
  getters: Record<string, () => unknown>,
  hoisted: string[],
];

/** A precompiled module record (format 2; format 1 is still accepted). */
export interface ModuleRecord {
  format: 1 | 2;
  bindings: Binding[];
  needsImport?: boolean;
  needsImportMeta?: boolean;
  hasTopLevelAwait?: boolean;
  globals: string[];
  functor: (
    handle: ModuleHandle,
  ) =>
    | Generator<InstantiationRecord | FormatOneInstantiationRecord, void, unknown>
    | AsyncGenerator<InstantiationRecord | FormatOneInstantiationRecord, void, unknown>;
}

/** The handle passed to a script functor. */
export interface ScriptHandle {
  g: object;
  y(name: string): string;
  l(name: string, value: unknown): unknown;
  i(specifier: unknown, options?: unknown): Promise<unknown>;
}

/** A precompiled script record (script goal). */
export interface ScriptRecord {
  format: 1;
  strict: boolean;
  varNames: string[];
  functionNames: string[];
  lexicalNames: string[];
  /** The subset of `lexicalNames` declared with `const`; omitted when empty. */
  constNames?: string[];
  globals: string[];
  functor: (this: unknown, handle: ScriptHandle) => unknown;
}
