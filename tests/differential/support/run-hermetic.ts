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
  }) => { import(specifier: string): Promise<object> };
}

/** Loads the `hermetic` package (its sources, through Jest's moduleNameMapper). */
export async function loadHermetic(): Promise<HermeticApi> {
  return (await import('hermetic')) as unknown as HermeticApi;
}

/** Creates the compartment a graph runs in. Exported for the package tests. */
export function makeCompartment(hermetic: HermeticApi, globals: Record<string, unknown>): { import(specifier: string): Promise<object> } {
  const { Compartment, ModuleSource } = hermetic;
  return new Compartment({
    globals,
    resolveHook: (specifier, referrer) => new URL(specifier, referrer).href,
    loadHook: async (fullSpecifier) => {
      const text = await readFile(fileURLToPath(fullSpecifier), 'utf8');
      return { source: new ModuleSource(text) };
    },
    importMetaHook: (fullSpecifier, meta) => {
      meta.url = fullSpecifier;
    },
  });
}

/** Imports `entryFile` twice through a fresh Hermetic compartment and observes it. */
export async function runHermetic(entryFile: string): Promise<Outcome> {
  const [hermetic, observer] = await Promise.all([loadHermetic(), loadObserver()]);
  const log: unknown[] = [];
  const compartment = makeCompartment(hermetic, { __log: log });
  const entry = pathToFileURL(entryFile).href;
  return observer.observeGraph(() => compartment.import(entry), log);
}
