/**
 * The CommonJS text a module becomes under the preset: its record, handed to
 * the per-test-file linker (fresh-global-runtime.ts) with a `require` thunk
 * per dependency, so Jest (or any CommonJS host) still resolves, transforms
 * and mocks the dependencies.
 */
import type { Binding } from '@hermetic/module-source';

/** The specifier the emitted code requires the linker by. */
export const RUNTIME_SPECIFIER = '@hermetic/babel-preset/fresh-global-runtime';

function requests(bindings: Binding[]): string[] {
  const seen = new Set<string>();
  for (const binding of bindings) {
    const b = binding as { from?: string; importAllFrom?: string; exportAllFrom?: string; importFrom?: string };
    const specifier = b.from ?? b.importAllFrom ?? b.exportAllFrom ?? b.importFrom;
    if (specifier !== undefined) seen.add(specifier);
  }
  return [...seen];
}

const DYNAMIC_IMPORT = /\bimport\s*\(\s*(["'])([^"'\n]+)\1\s*[,)]/g;

/** Emits the CommonJS module for one compiled record. */
export function emitCommonJs(recordCode: string, bindings: Binding[], originalText: string): string {
  const specifiers = new Set(requests(bindings));
  for (const match of originalText.matchAll(DYNAMIC_IMPORT)) specifiers.add(match[2]);
  const deps = [...specifiers].map((specifier) => {
    const q = JSON.stringify(specifier);
    return `${q}: [() => require.resolve(${q}), () => require(${q})]`;
  });
  return (
    `"use strict";\nmodule.exports = require(${JSON.stringify(RUNTIME_SPECIFIER)}).hermeticModule(__filename, { ${deps.join(', ')} },\n` +
    `${recordCode}\n);\n`
  );
}
