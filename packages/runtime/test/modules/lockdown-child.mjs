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
// The Module layer and virtual sources (dist/module.js is the built module.ts).
const { importModule } = await import(pathToFileURL(path.join(path.dirname(runtimeIndex), 'module.js')).href);
const virtual = new Module({ bindings: [{ import: 'onlyX', from: 'x' }, { export: 'out' }], execute(env) { env.out = env.onlyX + 1; try { env.onlyX = 5; } catch (e) { out.virtualImportWrite = e.constructor.name; } } }, { importHook: () => new ModuleSource(records.x) });
out.virtual = (await importModule(virtual)).out;
const failing = new Module({ execute() { throw new RangeError('once'); } });
const [e1, e2] = await Promise.all([importModule(failing).catch((e) => e), importModule(failing).catch((e) => e)]);
out.cachedError = e1 === e2 && e1 instanceof RangeError;

// (A namespace object cannot be frozen, natively either: its properties stay writable.)
harden(c);
harden(m);
harden(Compartment);
out.hardenedStillWorks = (await c.import('main')) === ns;
process.stdout.write(JSON.stringify(out));
