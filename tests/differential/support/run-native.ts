/**
 * Runs a graph with Node's own loader in a child process (see native-child.mjs
 * for why a child process) and returns its observation.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Outcome } from './observe.mjs';

const CHILD = path.join(__dirname, 'native-child.mjs');

/** Imports `entryFile` natively in a fresh `node` process, optionally with a frozen global object. */
export function runNative(entryFile: string, options: { frozenGlobal?: boolean } = {}): Promise<Outcome> {
  return runChild([CHILD, entryFile, ...(options.frozenGlobal ? ['--frozen-global'] : [])], entryFile);
}

function runChild<T>(args: string[], entryFile: string): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const how = error.signal ? `was killed by ${error.signal}` : `exited with code ${String(error.code)}`;
        reject(new Error(`native run of ${entryFile} failed: node ${how}\n${stderr.slice(0, 4000)}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout) as T);
      } catch (parseError) {
        reject(new Error(`native run of ${entryFile} printed no JSON: ${String(parseError)}\n${stdout}\n${stderr}`));
      }
    });
  });
}
