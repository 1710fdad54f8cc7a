// Runs after SES lockdown() (frozen shared intrinsics) in a fresh Node
// process: links precompiled records through the built runtime and prints
// what it observed as JSON. argv: runtime index.js, ses entry, records dir.
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [runtimeIndex, sesEntry, recordsDir] = process.argv.slice(2);
await import(pathToFileURL(sesEntry).href);
lockdown({ errorTaming: 'unsafe', overrideTaming: 'severe' });
const { Compartment, ModuleSource, Module } = await import(pathToFileURL(runtimeIndex).href);
const recordOf = async (name) => (await import(pathToFileURL(path.join(recordsDir, `${name}.mjs`)).href)).default;
const names = ['main', 'a', 'b', 'tla', 'star', 'x', 'y', 'globals'];
const records = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await recordOf(n)])));
const out = { frozenIntrinsics: Object.isFrozen(Array.prototype) && Object.isFrozen(Object) };

const log = [];
const c = new Compartment({
  globals: { log },
  resolveHook: (s) => s.replace('./', '').replace('.js', ''),
  loadHook: async (s) => ({ source: new ModuleSource(records[s]) }),
});
const ns = await c.import('main');
out.main = { keys: Reflect.ownKeys(ns).map(String), value: ns.value, log };
try { ns.value = 1; out.namespaceWrite = 'no throw'; } catch (e) { out.namespaceWrite = e.constructor.name; }

// A hardened compartment global takes the frozen path of $hg.
const frozen = new Compartment({ globals: { tag: 'frozen' }, modules: { g: { source: new ModuleSource(records.globals) } } });
harden(frozen.globalThis);
out.frozenGlobal = { frozen: Object.isFrozen(frozen.globalThis), result: (await frozen.import('g')).result };

// Star exports (ambiguous name dropped) in a second compartment; a Module object.
const starCompartment = new Compartment({
  resolveHook: (s) => s.replace('./', '').replace('.js', ''),
  loadHook: async (s) => ({ source: new ModuleSource(records[s]) }),
});
out.star = Object.keys(await starCompartment.import('star'));
const m = new Module(new ModuleSource(records.x));
out.moduleToStringTag = Object.prototype.toString.call(m);
// The runtime's own objects can be hardened.
// (A namespace object cannot be frozen, natively either: its properties stay writable.)
harden(c);
harden(m);
harden(Compartment);
out.hardenedStillWorks = (await c.import('main')) === ns;
process.stdout.write(JSON.stringify(out));
