/**
 * The parts of a format-1 module record (docs/record-format.md) that the
 * bootstrap touches. Declared here rather than imported from the runtime so
 * the start-up code depends only on the documented contract.
 */

/** The module handle `$h` passed to a functor. */
export interface RecordHandle {
  g: object;
  y(name: string): string;
  [member: string]: unknown;
}

/** A precompiled module record, as the compiler emits it. */
export interface ModuleRecordShape {
  format: 1;
  bindings: unknown[];
  globals?: string[];
  hasTopLevelAwait?: boolean;
  needsImport?: boolean;
  needsImportMeta?: boolean;
  functor: (handle: RecordHandle) => Generator<unknown, void, unknown> | AsyncGenerator<unknown, void, unknown>;
}
