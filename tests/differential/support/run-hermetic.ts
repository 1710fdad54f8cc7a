/**
 * Runs a graph through Hermetic exactly as the proposal's Compartment form is
 * written: a resolveHook resolving relative specifiers against the referrer's
 * file URL, a loadHook returning `{ source: new ModuleSource(text) }`, an
 * importMetaHook giving `import.meta.url`, and `__log` as the only extra global.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Outcome } from './observe.mjs';
import { loadObserver } from './load-observer.js';

/** The part of the `hermetic` package the harness uses. */
interface HermeticApi {
  ModuleSource: new (text: string) => object;
  Compartment: new (options: {
    globals: Record<string, unknown>;
    resolveHook: (specifier: string, referrer: string) => string;
    loadHook: (fullSpecifier: string) => Promise<{ source: object }>;
    importMetaHook: (fullSpecifier: string, meta: { url?: string }) => void;
  }) => HarnessCompartment;
}

/** The part of a compartment the harness uses. */
interface HarnessCompartment {
  globalThis: object;
  import(specifier: string): Promise<object>;
}

/** Loads the `hermetic` package (its sources, through Jest's moduleNameMapper). */
export async function loadHermetic(): Promise<HermeticApi> {
  return (await import('hermetic')) as unknown as HermeticApi;
}

/** Resolves an import specifier to a full specifier (a file URL). */
export type Resolve = (specifier: string, referrer: string) => string;

/** Relative specifiers against the referrer's URL, as Node does for file URLs. */
export const resolveRelative: Resolve = (specifier, referrer) => new URL(specifier, referrer).href;

/** Options of a harness compartment. */
export interface HarnessOptions {
  globals: Record<string, unknown>;
  resolve?: Resolve;
  /** Called with each file URL the loadHook reads. */
  onLoad?: (fullSpecifier: string) => void;
  /** Freeze the compartment's global object before importing (the read-once global path of the record format). */
  frozenGlobal?: boolean;
}

/** Creates the compartment a graph runs in. */
export function makeCompartment(hermetic: HermeticApi, options: HarnessOptions): HarnessCompartment {
  const { Compartment, ModuleSource } = hermetic;
  return new Compartment({
    globals: options.globals,
    resolveHook: options.resolve ?? resolveRelative,
    loadHook: async (fullSpecifier) => {
      options.onLoad?.(fullSpecifier);
      const text = await readFile(fileURLToPath(fullSpecifier), 'utf8');
      return { source: new ModuleSource(text) };
    },
    importMetaHook: (fullSpecifier, meta) => {
      meta.url = fullSpecifier;
    },
  });
}

/** Imports `entryFile` twice through a fresh Hermetic compartment and observes it. */
export async function runHermetic(entryFile: string, options: Omit<HarnessOptions, 'globals'> = {}): Promise<Outcome> {
  const [hermetic, observer] = await Promise.all([loadHermetic(), loadObserver()]);
  const log: unknown[] = [];
  const compartment = makeCompartment(hermetic, { ...options, globals: { __log: log } });
  if (options.frozenGlobal) {
    if (typeof compartment.globalThis !== 'object' || compartment.globalThis === null) throw new TypeError('compartment.globalThis is not an object');
    Object.freeze(compartment.globalThis);
  }
  const entry = pathToFileURL(entryFile).href;
  return observer.observeGraph(() => compartment.import(entry), log);
}
