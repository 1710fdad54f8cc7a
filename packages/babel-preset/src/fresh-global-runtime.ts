/**
 * The linker behind @hermetic/babel-preset. Every module compiled by the
 * preset registers its record here; the first one loaded from outside (a test
 * file, required by Jest) is imported synchronously into a Compartment whose
 * global is fresh: a copy of the host global's properties (so `test`,
 * `expect`, `jest`, `console` are there), but writes, new globals and
 * `globalThis` belong to it alone. Jest gives every test file its own module
 * registry, so every test file gets its own compartment.
 */
import { Compartment, ModuleSource } from '@hermetic/runtime';

type Thunks = [resolve: () => string, load: () => unknown];

interface Registration {
  record: object;
  deps: Record<string, Thunks>;
}

const registrations = new Map<string, Registration>();
const loaders = new Map<string, () => unknown>();
let loading = 0;
let compartment: Compartment | undefined;

function freshGlobal(target: object): void {
  const host = globalThis as object;
  for (const key of Reflect.ownKeys(host)) {
    if (Object.prototype.hasOwnProperty.call(target, key)) continue;
    const descriptor = Reflect.getOwnPropertyDescriptor(host, key)!;
    Object.defineProperty(target, key, { ...descriptor, configurable: true });
  }
}

/** A CommonJS module's exports as a namespace: `default` is `module.exports`, its own keys are named exports. */
function commonJsNamespace(exports: unknown): object {
  const namespace: Record<string, unknown> = Object.create(null);
  if ((typeof exports === 'object' && exports !== null) || typeof exports === 'function') {
    for (const key of Object.keys(exports as object)) namespace[key] = (exports as Record<string, unknown>)[key];
    if ((exports as { __esModule?: boolean }).__esModule === true && 'default' in (exports as object)) return namespace;
  }
  namespace.default = exports;
  return namespace;
}

function load<T>(run: () => T): T {
  loading++;
  try {
    return run();
  } finally {
    loading--;
  }
}

function importNow(key: string): object {
  let registration = registrations.get(key);
  if (registration === undefined) {
    const exports = load(() => loaders.get(key)!());
    registration = registrations.get(key);
    // Not compiled by the preset (node_modules, JSON, a mock): its CommonJS exports.
    if (registration === undefined) return { namespace: commonJsNamespace(exports) };
  }
  return { source: new ModuleSource(registration.record as never) };
}

function resolve(specifier: string, referrer: string): string {
  const thunks = registrations.get(referrer)?.deps[specifier];
  if (thunks === undefined) throw new Error(`${referrer} imports "${specifier}", which the preset did not see`);
  let key: string;
  try {
    key = thunks[0]();
  } catch {
    key = `${referrer}\0${specifier}`; // a virtual (mocked) module: only `require` knows it
  }
  if (!loaders.has(key)) loaders.set(key, thunks[1]);
  return key;
}

function theCompartment(): Compartment {
  if (compartment !== undefined) return compartment;
  compartment = new Compartment({
    name: 'fresh global (@hermetic/babel-preset)',
    resolveHook: resolve,
    importNowHook: importNow,
    importHook: async (key: string) => importNow(key),
  });
  freshGlobal(compartment.globalThis);
  return compartment;
}

/**
 * Called by every module the preset compiled. Inside a load (a dependency
 * being linked) it only registers; from outside (Jest requiring a test file,
 * or plain CommonJS code) it imports the module and returns its namespace.
 */
export function hermeticModule(filename: string, deps: Record<string, Thunks>, record: object): unknown {
  registrations.set(filename, { record, deps });
  if (loading > 0) return {};
  return load(() => theCompartment().importNow(filename));
}
