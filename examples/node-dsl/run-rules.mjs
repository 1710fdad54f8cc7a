// Runs every rules file in a fresh `new Global()` (hermetic for Node: the
// compiler is wired in, so `eval` of text works, against that global only).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Global } from 'hermetic';

const STANDARD = ['Math', 'JSON', 'Object', 'Array', 'String', 'Number', 'Boolean', 'Date', 'Error', 'TypeError', 'RangeError', 'Map', 'Set', 'Promise', 'Symbol', 'RegExp', 'parseInt', 'parseFloat', 'isNaN', 'isFinite'];
const order = { total: 240, items: 3 };
const dir = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, 'rules');

for (const file of readdirSync(dir).filter((name) => name.endsWith('.rules.js')).sort()) {
  const rules = [];
  const global = new Global({ keys: STANDARD });
  global.rule = (name, apply) => rules.push({ name, apply });
  global.eval(readFileSync(join(dir, file), 'utf8'));
  console.log(`${file}:`);
  for (const { name, apply } of rules) console.log(`  ${name}: ${JSON.stringify(apply(order))}`);
  console.log(`  reached the host: ${global.reachedHost ?? false}; helperLeak here: ${typeof global.helperLeak}; on the host: ${typeof globalThis.helperLeak}`);
}
