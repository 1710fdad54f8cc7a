/**
 * What esbuild's output gets once the whole graph is known: the policy,
 * appended to the chunk that holds the bootstrap (after its code, so no
 * position moves), and source maps corrected for the modules esbuild was
 * given compiled with a column map (remap-columns.ts in bundler-core): in
 * `.map` files and in inline maps alike. On disk (esbuild wrote the output)
 * only the files that change are rewritten.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { OutputFile } from 'esbuild';
import { hasPolicyPlaceholder, injectPolicy, remapColumns, type ColumnMapped } from '@hermetic/bundler-core';

const INLINE_MAP = /(\/\/# sourceMappingURL=data:application\/json;base64,)([A-Za-z0-9+/=]+)(\s*)$/;

/** A JavaScript output with the policy (when it holds the bootstrap) and its inline map corrected. */
function finishScript(text: string, path: string, policyJson: string, modules: ReadonlyMap<string, ColumnMapped>): string {
  let out = hasPolicyPlaceholder(text) ? injectPolicy(text, policyJson) : text;
  const inline = modules.size === 0 ? null : INLINE_MAP.exec(out);
  if (inline !== null) {
    const json = Buffer.from(inline[2], 'base64').toString('utf8');
    const remapped = remapColumns(json, path, modules);
    if (remapped !== json) out = out.slice(0, inline.index) + inline[1] + Buffer.from(remapped).toString('base64') + inline[3];
  }
  return out;
}

/** The new text of output `path`, or `undefined` when it does not change. */
function finished(path: string, text: string, policyJson: string, modules: ReadonlyMap<string, ColumnMapped>): string | undefined {
  let out = text;
  if (SCRIPT_OUTPUT.test(path)) out = finishScript(text, path, policyJson, modules);
  else if (path.endsWith('.map') && modules.size > 0) out = remapColumns(text, path, modules);
  return out === text ? undefined : out;
}

const SCRIPT_OUTPUT = /\.[mc]?js$/;

/** Finishes in-memory outputs (`write: false`), in place; returns the scripts' texts as esbuild made them. */
export function finishOutputFiles(files: OutputFile[], policyJson: string, modules: ReadonlyMap<string, ColumnMapped>): string[] {
  const scripts: string[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    if (SCRIPT_OUTPUT.test(file.path)) scripts.push(file.text);
    const text = finished(file.path, file.text, policyJson, modules);
    if (text !== undefined) files[i] = { path: file.path, contents: Buffer.from(text), hash: file.hash, text } as OutputFile;
  }
  return scripts;
}

/** Finishes the outputs esbuild wrote (`paths`, absolute); returns the scripts' texts as esbuild wrote them. */
export async function finishWrittenFiles(paths: string[], policyJson: string, modules: ReadonlyMap<string, ColumnMapped>): Promise<string[]> {
  const scripts: string[] = [];
  await Promise.all(paths.filter((path) => /\.([mc]?js|map)$/.test(path)).map(async (path) => {
    const original = await readFile(path, 'utf8');
    if (SCRIPT_OUTPUT.test(path)) scripts.push(original);
    const text = finished(path, original, policyJson, modules);
    if (text !== undefined) await writeFile(path, text);
  }));
  return scripts;
}
