/**
 * Makes denied globals behave as absent *with a useful message*: the record's
 * functor is wrapped so that its global scope object `$h.g` reports each
 * denied name through a ReferenceError naming the package and the policy
 * entry to add, while `typeof name` (`$h.y`) answers `'undefined'`. Granted
 * names keep the runtime's own descriptors, so they cost nothing extra.
 */
import type { ModuleRecordShape as ModuleRecord, RecordHandle as ModuleHandle } from './record-shape.js';
import { deniedGlobalError, denialWarning } from './denial-messages.js';

/** How a denied name behaves inside a guarded record. */
export interface GuardOptions {
  packageName: string;
  /** Names this package may not use. */
  denied: ReadonlySet<string>;
  /** Debug mode: log the denial and let the host value through. */
  debug: boolean;
  host: object;
  warn: (message: string) => void;
}

function guardHandle(handle: ModuleHandle, names: string[], options: GuardOptions): ModuleHandle {
  const scope: object = Object.create(null);
  for (const key of Reflect.ownKeys(handle.g)) {
    const name = key as string;
    if (!names.includes(name)) {
      Object.defineProperty(scope, key, Reflect.getOwnPropertyDescriptor(handle.g, key)!);
      continue;
    }
    const { packageName, host, warn } = options;
    if (options.debug) {
      let warned = false;
      const note = (): void => {
        if (!warned) warn(denialWarning(deniedGlobalError(packageName, name).message));
        warned = true;
      };
      Object.defineProperty(scope, name, {
        get() { note(); return (host as Record<string, unknown>)[name]; },
        set(value: unknown) { note(); Reflect.set(host, name, value); },
        enumerable: true,
      });
    } else {
      const fail = (): never => { throw deniedGlobalError(packageName, name); };
      Object.defineProperty(scope, name, { get: fail, set: fail, enumerable: true });
    }
  }
  const typeofOriginal = handle.y.bind(undefined);
  return {
    ...handle,
    g: scope,
    y: (name: string) => {
      if (!names.includes(name)) return typeofOriginal(name);
      return options.debug ? typeof (options.host as Record<string, unknown>)[name] : 'undefined';
    },
  };
}

/** Returns `record` unchanged when it uses no denied name, else a copy with a guarding functor. */
export function guardRecord(record: ModuleRecord, options: GuardOptions): ModuleRecord {
  const names = (record.globals ?? []).filter((name) => options.denied.has(name));
  if (names.length === 0) return record;
  const original = record.functor;
  const functor = record.hasTopLevelAwait
    ? async function* (handle: ModuleHandle) {
        return yield* original.call(undefined, guardHandle(handle, names, options)) as AsyncGenerator<never, void, unknown>;
      }
    : function* (handle: ModuleHandle) {
        return yield* original.call(undefined, guardHandle(handle, names, options)) as Generator<never, void, unknown>;
      };
  return { ...record, functor: functor as ModuleRecord['functor'] };
}
