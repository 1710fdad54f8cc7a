/**
 * `hermetic run <entry> [args…]`: runs a program in Node with each package in
 * its own compartment, by bundling it for Node (esbuild + the Hermetic
 * plugin) into a cache directory next to the app and running the result in
 * a child Node process that cannot compile strings into code (unless
 * `--allow-string-compilation`).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import { bundle } from './bundle.js';
import { parseArguments } from './parse-arguments.js';
import { BUNDLE_FLAGS, bundleOptionsFrom } from './shared-flags.js';
import { projectRootOf } from './project-root.js';

/**
 * Node flags of the process running the bundle. Without string compilation a
 * package cannot reach the host's global through a function constructor
 * (`(async () => {}).constructor('return process')()`), which in default
 * (not hardened) mode is the real one: as a strict Content-Security-Policy
 * closes that route in browsers. The compiler runs in this process, not there.
 */
export const NO_STRING_COMPILATION = '--disallow-code-generation-from-strings';

/** Flags of `hermetic run` beyond the bundling ones. */
const RUN_FLAGS = { ...BUNDLE_FLAGS, 'allow-string-compilation': true };

/** Runs `file` in a child Node process sharing this one's terminal; resolves with its exit code. */
function runInChild(file: string, args: string[], nodeFlags: string[]): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...nodeFlags, '--enable-source-maps', file, ...args], { stdio: 'inherit' });
    // Ctrl-C reaches the child too (same process group): it decides, this process reports its exit.
    // A termination sent to this process alone is passed on.
    const ignore = (): void => undefined;
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    process.on('SIGINT', ignore);
    process.on('SIGTERM', forward);
    process.on('SIGHUP', forward);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      process.off('SIGHUP', forward);
      done(code ?? (signal === null ? 1 : 128 + constants.signals[signal]));
    });
  });
}

/** Runs the command; returns the process exit code (the program's). */
export async function runCommand(args: string[]): Promise<number> {
  const parsed = parseArguments(args, RUN_FLAGS);
  const [entry, ...programArgs] = parsed.positionals;
  const outdir = entry === undefined ? 'dist' : join(projectRootOf(entry), 'node_modules', '.cache', 'hermetic', 'run');
  const options = bundleOptionsFrom(parsed, { platform: 'node', format: 'esm', outdir });
  const { entryOutput } = await bundle({ ...options, platform: 'node', format: 'esm' });
  // The opt-out is for apps that compile code themselves (the hermetic runtime's Compartment does).
  return runInChild(entryOutput, programArgs, parsed.flags['allow-string-compilation'] === true ? [] : [NO_STRING_COMPILATION]);
}
