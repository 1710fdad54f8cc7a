/**
 * Child-process side of a Hermetic differential run: loads a bundle of the
 * `hermetic` package (hermetic-bundle.mjs) and imports each graph's entry in a
 * fresh Compartment, exactly as run-hermetic.ts does inside Jest, printing the
 * observations as a JSON array.
 *
 * Why a child process: a runtime bug can throw inside a promise job (an
 * unhandled rejection), which Node turns into a process crash and Jest into a
 * failure of whatever test runs at that moment. Here it is caught and
 * recorded as data of the graph that caused it, like the native side does.
 *
 * With --precompiled the bundle is the 'precompiled' one (hermetic-bundle.mjs):
 * every file is compiled ahead of time with `compileModule` into a record
 * module written next to the bundle, loaded with Node's `import()` (as a
 * bundle would carry it), and handed to the compiler-less runtime as
 * `{ source: record }`.
 *
 * --self-global gives the compartment global a `self` property pointing to
 * itself, as browser-like policies do (CONFORMANCE 52). Bare specifiers
 * (lodash-es, preact) resolve with Node's own resolution (import.meta.resolve),
 * so they name the same files as in the native run.
 *
 * Usage: node hermetic-child.mjs <bundle.mjs> [--frozen-global] [--precompiled] [--self-global] <entry>...
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { observeGraph, watchUnhandledRejections } from './observe.mjs';

const [bundle, ...rest] = process.argv.slice(2);
const frozen = rest.includes('--frozen-global');
const precompiled = rest.includes('--precompiled');
const selfGlobal = rest.includes('--self-global');

function resolve(specifier, referrer) {
  const relative = /^(\.{1,2}\/|\/|file:)/.test(specifier);
  return relative ? new URL(specifier, referrer).href : import.meta.resolve(specifier);
}
const entries = rest.filter((a) => !a.startsWith('--'));
if (!bundle || entries.length === 0) {
  process.stderr.write('usage: node hermetic-child.mjs <bundle.mjs> [--frozen-global] <entry>...\n');
  process.exit(2);
}
const { Compartment, ModuleSource, compileModule } = await import(pathToFileURL(bundle).href);
const unhandled = watchUnhandledRejections(process);
const recordsDir = `${bundle}.records`;
let recordCount = 0;

/** What the loadHook returns for one file. */
async function descriptorFor(fullSpecifier) {
  const text = await readFile(fileURLToPath(fullSpecifier), 'utf8');
  if (!precompiled) return { source: new ModuleSource(text) };
  const { code } = compileModule(text, { specifier: fullSpecifier });
  mkdirSync(recordsDir, { recursive: true });
  const recordFile = path.join(recordsDir, `record-${++recordCount}.mjs`);
  writeFileSync(recordFile, code);
  return { source: (await import(pathToFileURL(recordFile).href)).default };
}

const outcomes = [];
for (const entry of entries) {
  const log = [];
  const compartment = new Compartment({
    globals: { __log: log },
    resolveHook: resolve,
    loadHook: descriptorFor,
    importMetaHook: (fullSpecifier, meta) => {
      meta.url = fullSpecifier;
    },
  });
  if (selfGlobal) compartment.globalThis.self = compartment.globalThis;
  if (frozen) Object.freeze(compartment.globalThis);
  const url = pathToFileURL(entry).href;
  outcomes.push(await observeGraph(() => compartment.import(url), log, unhandled));
}
if (precompiled) rmSync(recordsDir, { recursive: true, force: true });
process.stdout.write(JSON.stringify(outcomes));
