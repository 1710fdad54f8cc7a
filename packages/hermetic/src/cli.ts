#!/usr/bin/env node
/**
 * The `hermetic` command: `build`, `policy` and `run`.
 */
import { buildCommand } from './commands/build-command.js';
import { policyCommand } from './commands/policy-command.js';
import { runCommand } from './commands/run-command.js';
import { UsageError } from './commands/parse-arguments.js';

const USAGE = `Usage:
  hermetic build <entry> [--outdir dist] [--format esm|iife] [--platform browser|node] [--minify]
  hermetic policy <entry> [--out hermetic/policy.json] [--stdout]
  hermetic run <entry> [args…] [--allow-string-compilation]

Every npm package runs in its own compartment under a LavaMoat-compatible policy
(hermetic/policy.json if present, else generated from the build; overrides in
hermetic/policy-override.json). Shared options:
  --policy <file>  --policy-override <file>  --debug (log denials instead of failing)
  --hardened (SES lockdown first)  --no-sourcemap  --mode production|development
\`run\` runs the bundle in a child Node process with string compilation (eval,
Function) disabled; --allow-string-compilation lifts that, for apps that need it.`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  build: buildCommand,
  policy: policyCommand,
  run: runCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name === undefined ? 1 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    console.error(`hermetic: unknown command '${name}'.\n\n${USAGE}`);
    return 1;
  }
  try {
    return await command(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`hermetic ${name}: ${error.message}\n\n${USAGE}`);
      return 1;
    }
    const e = error as Error;
    // esbuild already printed its own diagnostics.
    if (!/^Build failed with/.test(e?.message ?? '')) console.error(`hermetic ${name}: ${e?.stack ?? String(error)}`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => { console.error(error); process.exitCode = 1; },
);
