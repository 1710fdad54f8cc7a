// Runs one module graph with real Node (not Jest's vm context, whose global
// object lets strict code assign undeclared names) and prints its outcome.
import { pathToFileURL } from 'node:url';

globalThis.log = [];
let outcome;
try {
  const ns = await import(pathToFileURL(process.argv[2]).href);
  const result = typeof ns.result === 'function' ? await ns.result() : ns.result;
  outcome = { ok: true, result, log: globalThis.log };
} catch (error) {
  outcome = { ok: false, error: error instanceof Error ? error.constructor.name : `thrown ${String(error)}`, log: globalThis.log };
}
process.stdout.write(JSON.stringify(outcome, (key, value) => (value === undefined ? '__undefined__' : value)));
