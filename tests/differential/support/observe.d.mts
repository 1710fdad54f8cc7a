/** Types for observe.mjs (plain JavaScript so that the native child process can load it). */

/** JSON-able description of a value. */
export type Described = unknown;

/** What importing a graph's entry twice produced. */
export interface Outcome {
  status: 'fulfilled' | 'rejected';
  namespace?: Described;
  error?: string;
  errorMessage?: string;
  bodyRanBeforeError?: boolean;
  /** 'same namespace' | 'different namespace' | 'rejected: Kind' | 'same error' | 'other error: Kind' | 'fulfilled' */
  secondImport: string;
  secondImportRanCode: boolean;
  log: Described[];
  /** Only in child processes: unhandled rejections seen while the graph ran ("Kind: message"). */
  unhandledRejections?: string[];
}

/** Watches a process's unhandled rejections (see observe.mjs). */
export interface UnhandledRejections {
  take(): string[];
}

export function watchUnhandledRejections(processObject: NodeJS.Process): UnhandledRejections;

export function describeValue(value: unknown): Described;
export function errorKind(error: unknown): string;
export function observeGraph(importEntry: () => Promise<object>, log: unknown[], unhandled?: UnhandledRejections): Promise<Outcome>;
