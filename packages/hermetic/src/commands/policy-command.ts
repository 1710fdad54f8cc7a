/**
 * `hermetic policy <entry> [--out hermetic/policy.json]`: writes the policy
 * generated from the entry's module graph (sorted, stable), LavaMoat's
 * format. Overrides belong in hermetic/policy-override.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { formatPolicy } from '@hermetic/bundler-core';
import { bundle } from './bundle.js';
import { parseArguments } from './parse-arguments.js';
import { BUNDLE_FLAGS, bundleOptionsFrom } from './shared-flags.js';

/** Runs the command; returns the process exit code. */
export async function policyCommand(args: string[]): Promise<number> {
  const parsed = parseArguments(args, { ...BUNDLE_FLAGS, out: false, stdout: true });
  const options = bundleOptionsFrom(parsed, { write: false, outdir: 'dist' });
  const { root, core } = await bundle(options);
  const text = formatPolicy(core.generatedPolicy());
  if (parsed.flags.stdout === true) {
    process.stdout.write(text);
    return 0;
  }
  const out = typeof parsed.flags.out === 'string' ? resolve(parsed.flags.out) : join(root, 'hermetic', 'policy.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  const packages = Object.keys(core.generatedPolicy().resources).length;
  console.log(`hermetic: wrote ${relative(process.cwd(), out)} (${packages} packages). Put your changes in ${relative(process.cwd(), join(dirname(out), 'policy-override.json'))}.`);
  return 0;
}
