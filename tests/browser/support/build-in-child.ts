/**
 * Runs tests/browser/support/run-build.mjs in a child Node process and
 * returns what it printed.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** One built output file. */
export interface BuiltFile {
  file: string;
  bytes: number;
  gzip: number;
}

/** What the child reports. */
export interface BuildReport {
  ms: number;
  outDir: string;
  files: BuiltFile[];
  /** The bundler's warnings, as text. */
  warnings?: string[];
}

/** What to build. */
export interface BuildSpec {
  bundler: 'esbuild' | 'rollup' | 'vite';
  appDir: string;
  entry: string;
  outDir: string;
  hermetic: boolean;
  format?: 'esm' | 'iife';
  minify?: boolean;
  /** Vite: build the entry itself (no index.html) into `<outDir>/main.js`, runnable by Node. */
  node?: boolean;
  options?: Record<string, unknown>;
}

const SCRIPT = join(__dirname, 'run-build.mjs');

/** Builds in a child process; rejects with the child's stderr on failure. */
export function buildInChild(spec: BuildSpec): Promise<BuildReport> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [SCRIPT, JSON.stringify(spec)], { cwd: spec.appDir, maxBuffer: 64 * 1024 * 1024, timeout: 240000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${spec.bundler} build failed: ${error.message}\n${stderr}\n${stdout}`));
        return;
      }
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as BuildReport);
      } catch {
        reject(new Error(`${spec.bundler} build printed no report:\n${stdout}\n${stderr}`));
      }
    });
  });
}
