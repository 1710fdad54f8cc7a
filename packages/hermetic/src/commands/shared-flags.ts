/**
 * Flags shared by the bundling commands, and their conversion to
 * {@link BundleOptions}.
 */
import type { BundleOptions } from './bundle.js';
import { UsageError, type FlagSpec, type ParsedArguments } from './parse-arguments.js';

/** Flags of build/policy/run. */
export const BUNDLE_FLAGS: FlagSpec = {
  'outdir': false, 'format': false, 'platform': false, 'policy': false, 'policy-override': false,
  'minify': true, 'sourcemap': true, 'debug': true, 'hardened': true, 'mode': false,
};

/** Reads the shared flags; `defaults` fills what the command fixes. */
export function bundleOptionsFrom(parsed: ParsedArguments, defaults: Partial<BundleOptions>): BundleOptions {
  const [entry] = parsed.positionals;
  if (entry === undefined) throw new UsageError('Missing <entry>: the module to start from, e.g. src/main.js');
  const flags = parsed.flags;
  const format = (flags.format as string | undefined) ?? defaults.format ?? 'esm';
  if (format !== 'esm' && format !== 'iife') throw new UsageError(`--format must be esm or iife, not ${format}`);
  const platform = (flags.platform as string | undefined) ?? defaults.platform ?? 'browser';
  if (platform !== 'browser' && platform !== 'node') throw new UsageError(`--platform must be browser or node, not ${platform}`);
  return {
    entry,
    outdir: (flags.outdir as string | undefined) ?? defaults.outdir ?? 'dist',
    format,
    platform,
    minify: (flags.minify as boolean | undefined) ?? defaults.minify ?? false,
    sourcemap: (flags.sourcemap as boolean | undefined) ?? true,
    write: defaults.write ?? true,
    debug: flags.debug === true,
    hardened: flags.hardened === true,
    mode: (flags.mode as string | undefined) ?? 'production',
    ...(typeof flags.policy === 'string' ? { policy: flags.policy } : {}),
    ...(typeof flags['policy-override'] === 'string' ? { policyOverride: flags['policy-override'] } : {}),
  };
}
