// Imports one entry file with Node's own loader and prints what happened as
// JSON: the `log` global, the outcome, and the entry's `result` export.
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const { serialize } = createRequire(import.meta.url)('./serialize.cjs');
const log = [];
globalThis.log = log;
for (const [name, value] of Object.entries(JSON.parse(process.argv[3] ?? '{}'))) globalThis[name] = value === 'whoIsThis' ? function () { return this === undefined ? 'undefined' : typeof this; } : value;
let outcome;
try {
  const ns = await import(pathToFileURL(process.argv[2]).href);
  outcome = { status: 'fulfilled', result: serialize(ns.result) };
} catch (error) {
  outcome = { status: 'rejected', error: error?.constructor?.name, message: String(error?.message) };
}
process.stdout.write(JSON.stringify({ log: serialize(log), ...outcome }));
