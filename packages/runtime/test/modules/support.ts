/**
 * Shared helpers for the module tests: compile text to a record with the
 * real compiler (materialised with the host's Function, as the `hermetic`
 * Node entry does), build graphs for the Module layer, and run the same
 * files natively for differential checks.
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileModule } from '@hermetic/module-source';
import type { ModuleRecord } from '../../src/record-types.js';
import { ModuleSource } from '../../src/module-source.js';
import { Module, createModuleClass } from '../../src/module.js';

/** Compiles module text to a format-1 record object. */
export function record(text: string, specifier = 'test.js'): ModuleRecord {
  const { code } = compileModule(text, { format: 'expression', specifier });
  return new Function(`return ${code}`)() as ModuleRecord;
}

/** Resolves './x.js' style specifiers inside a flat graph. */
function key(specifier: string): string {
  return specifier.replace(/^\.\//, '');
}

/**
 * A Module-layer graph: one ModuleSource per file, an importHook that counts
 * its calls; `entry` is a Module whose imports come from the same map.
 */
export function moduleGraph(files: Record<string, string>, globalObject?: object) {
  const sources = new Map<string, ModuleSource>();
  for (const [name, text] of Object.entries(files)) sources.set(name, new ModuleSource(record(text, name)));
  const calls: string[] = [];
  const importHook = (specifier: string) => {
    calls.push(specifier);
    const source = sources.get(key(specifier));
    if (source === undefined) throw new Error(`no module ${specifier}`);
    return source;
  };
  const entry = (name: string) => {
    const source = sources.get(name) as ModuleSource;
    if (globalObject === undefined) return new Module(source, { importHook });
    return new (createModuleClassFor(globalObject))(source, { importHook });
  };
  return { sources, calls, importHook, entry };
}

function createModuleClassFor(global: object): typeof Module {
  return createModuleClass({ globalThis: global });
}

/** Writes files into a fresh temp dir; returns the dir. */
export function writeGraph(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hermetic-modules-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

/** Imports `entry` of `files` natively (fresh dir, so no cache is shared). */
export function importNatively(files: Record<string, string>, entry: string): Promise<Record<string, unknown>> {
  const dir = writeGraph(files);
  return import(pathToFileURL(path.join(dir, entry)).href) as Promise<Record<string, unknown>>;
}

/** Settles a promise into a comparable outcome. */
export async function settle(promise: Promise<unknown>): Promise<{ status: string; value?: unknown; error?: string }> {
  try {
    return { status: 'fulfilled', value: await promise };
  } catch (error) {
    return { status: 'rejected', error: error instanceof Error ? `${error.constructor.name}` : String(error) };
  }
}
