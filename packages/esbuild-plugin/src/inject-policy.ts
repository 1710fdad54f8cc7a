/**
 * Puts the final policy into esbuild's output once the whole graph is known:
 * the declaration of the function the bootstrap calls is appended to the
 * chunk that holds the bootstrap, after its code, so neither its `.map` file
 * nor an inline map needs to change, and only that chunk is rewritten.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { OutputFile } from 'esbuild';
import { hasPolicyPlaceholder, injectPolicy } from '@hermetic/bundler-core';

/** Appends the policy to every JavaScript output of `files` that holds the bootstrap (in place). */
export function injectPolicyIntoOutputs(files: OutputFile[], policyJson: string): void {
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    if (!/\.[mc]?js$/.test(file.path) || !hasPolicyPlaceholder(file.text)) continue;
    const text = injectPolicy(file.text, policyJson);
    files[i] = { path: file.path, contents: Buffer.from(text), hash: file.hash, text } as OutputFile;
  }
}

/** The same for output files esbuild has written: each JavaScript file of `paths` that holds the bootstrap is rewritten. */
export async function injectPolicyIntoWrittenFiles(paths: string[], policyJson: string): Promise<void> {
  await Promise.all(paths.filter((path) => /\.[mc]?js$/.test(path)).map(async (path) => {
    const text = await readFile(path, 'utf8');
    if (hasPolicyPlaceholder(text)) await writeFile(path, injectPolicy(text, policyJson));
  }));
}
