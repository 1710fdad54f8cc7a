/**
 * Child-process side of a differential run: imports one graph's entry with
 * Node's own module loader and prints the observation as JSON on stdout.
 *
 * Why a child process and not `import()` inside Jest: Jest's ESM support links
 * modules itself (vm.SourceTextModule) and keeps a per-file registry, so its
 * error caching, dynamic `import()` and `import.meta` are Jest's, not Node's.
 * A fresh `node` process per graph is the real engine with an empty module map.
 *
 * Usage: node native-child.mjs /abs/path/to/entry.js [--frozen-global]
 * With --frozen-global the host's global object is frozen (after `__log` is
 * installed) before the graph is imported.
 */
import { pathToFileURL } from 'node:url';
import { observeGraph, watchUnhandledRejections } from './observe.mjs';

const args = process.argv.slice(2);
const frozen = args.includes('--frozen-global');
const entries = args.filter((a) => !a.startsWith('--'));
if (entries.length !== 1) {
  process.stderr.write('usage: node native-child.mjs <entry file> [--frozen-global]\n');
  process.exit(2);
}
const log = [];
globalThis.__log = log;
if (frozen) Object.freeze(globalThis);
const url = pathToFileURL(entries[0]).href;
process.stdout.write(JSON.stringify(await observeGraph(() => import(url), log, watchUnhandledRejections(process))));
