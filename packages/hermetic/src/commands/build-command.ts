/**
 * `hermetic build <entry> [--outdir dist]`: an ES-module (or IIFE) bundle in
 * which every npm package runs in its own compartment.
 */
import { relative, resolve } from 'node:path';
import { bundle } from './bundle.js';
import { parseArguments } from './parse-arguments.js';
import { BUNDLE_FLAGS, bundleOptionsFrom } from './shared-flags.js';

/** Runs the command; returns the process exit code. */
export async function buildCommand(args: string[]): Promise<number> {
  const options = bundleOptionsFrom(parseArguments(args, BUNDLE_FLAGS), {});
  const started = Date.now();
  const { result, policyJson, root } = await bundle(options);
  const outputs = Object.entries(result.metafile.outputs).filter(([file]) => !file.endsWith('.map'));
  const packages = Object.keys(JSON.parse(policyJson).resources as object).length;
  console.log(`hermetic: built ${options.entry} in ${Date.now() - started} ms (${packages} package${packages === 1 ? '' : 's'} under policy)`);
  for (const [file, output] of outputs) {
    console.log(`  ${relative(process.cwd(), resolve(root, file))}  ${(output.bytes / 1024).toFixed(1)} KB`);
  }
  return 0;
}
