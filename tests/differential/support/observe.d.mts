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
}

export function describeValue(value: unknown): Described;
export function errorKind(error: unknown): string;
export function observeGraph(importEntry: () => Promise<object>, log: unknown[]): Promise<Outcome>;
