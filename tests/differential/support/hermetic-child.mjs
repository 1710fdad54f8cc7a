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
 * Usage: node hermetic-child.mjs <bundle.mjs> [--frozen-global] <entry>...
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { observeGraph, watchUnhandledRejections } from './observe.mjs';

const [bundle, ...rest] = process.argv.slice(2);
const frozen = rest.includes('--frozen-global');
const entries = rest.filter((a) => !a.startsWith('--'));
if (!bundle || entries.length === 0) {
  process.stderr.write('usage: node hermetic-child.mjs <bundle.mjs> [--frozen-global] <entry>...\n');
  process.exit(2);
}
const { Compartment, ModuleSource } = await import(pathToFileURL(bundle).href);
const unhandled = watchUnhandledRejections(process);

const outcomes = [];
for (const entry of entries) {
  const log = [];
  const compartment = new Compartment({
    globals: { __log: log },
    resolveHook: (specifier, referrer) => new URL(specifier, referrer).href,
    loadHook: async (fullSpecifier) => ({ source: new ModuleSource(await readFile(fileURLToPath(fullSpecifier), 'utf8')) }),
    importMetaHook: (fullSpecifier, meta) => {
      meta.url = fullSpecifier;
    },
  });
  if (frozen) Object.freeze(compartment.globalThis);
  const url = pathToFileURL(entry).href;
  outcomes.push(await observeGraph(() => compartment.import(url), log, unhandled));
}
process.stdout.write(JSON.stringify(outcomes));
