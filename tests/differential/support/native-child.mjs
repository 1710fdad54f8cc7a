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
 *        node native-child.mjs --batch entry1.js entry2.js …   (prints an array)
 * With --frozen-global the host's global object is frozen (after `__log` is
 * installed) before the graph is imported.
 */
import { pathToFileURL } from 'node:url';
import { observeGraph, watchUnhandledRejections } from './observe.mjs';

const args = process.argv.slice(2);
const frozen = args.includes('--frozen-global');
const batch = args.includes('--batch');
const entries = args.filter((a) => !a.startsWith('--'));
if (entries.length === 0 || (!batch && entries.length > 1)) {
  process.stderr.write('usage: node native-child.mjs <entry file> [--frozen-global]\n       node native-child.mjs --batch <entry file>...\n');
  process.exit(2);
}
if (frozen && batch) {
  process.stderr.write('--frozen-global cannot be combined with --batch (each graph needs its own __log global)\n');
  process.exit(2);
}
const unhandled = watchUnhandledRejections(process);
const realGlobal = globalThis;
const pristine = Object.getOwnPropertyDescriptors(realGlobal);

/** Undoes what a graph did to the global object (batch mode runs many graphs in one process). */
function restoreGlobal() {
  for (const key of Reflect.ownKeys(realGlobal)) {
    if (!(key in pristine)) delete realGlobal[key];
  }
  for (const key of Reflect.ownKeys(pristine)) {
    const now = Object.getOwnPropertyDescriptor(realGlobal, key);
    const was = pristine[key];
    if (now === undefined || now.value !== was.value || now.get !== was.get || now.set !== was.set) Object.defineProperty(realGlobal, key, was);
  }
}

const outcomes = [];
for (const entry of entries) {
  // Graphs of a batch live in distinct files, so they share no module
  // instances; they run one after the other, each with its own __log and
  // the global object restored in between.
  if (batch) restoreGlobal();
  const log = [];
  realGlobal.__log = log;
  if (frozen) Object.freeze(realGlobal);
  const url = pathToFileURL(entry).href;
  outcomes.push(await observeGraph(() => import(url), log, unhandled));
}
process.stdout.write(JSON.stringify(batch ? outcomes : outcomes[0]));
