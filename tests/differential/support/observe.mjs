/**
 * What a differential run observes, written once and used by both sides: the
 * native child process (native-child.mjs) and the Hermetic run inside Jest
 * (run-hermetic.ts). Plain JavaScript so that a bare `node` child can load it.
 *
 * Everything is reduced to JSON-able data, so the two sides can be compared
 * with `toEqual` and printed in a readable diff.
 */

const MAX_DEPTH = 5;

function describePrimitive(value) {
  switch (typeof value) {
    case 'undefined':
      return { undefined: true };
    case 'number':
      if (Number.isNaN(value)) return { number: 'NaN' };
      if (Object.is(value, -0)) return { number: '-0' };
      if (!Number.isFinite(value)) return { number: String(value) };
      return value;
    case 'bigint':
      return { bigint: String(value) };
    case 'symbol':
      return { symbol: String(value.description) };
    default:
      return value;
  }
}

function prototypeName(proto) {
  if (proto === null) return 'null';
  if (proto === Object.prototype) return 'Object.prototype';
  if (proto === Array.prototype) return 'Array.prototype';
  if (proto === Function.prototype) return 'Function.prototype';
  const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor');
  return `other:${ctor && typeof ctor.value === 'function' ? ctor.value.name : '?'}`;
}

/** Name of the constructor of a thrown value, or its type for non-objects. */
export function errorKind(error) {
  if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
    const ctor = error.constructor;
    return typeof ctor === 'function' ? ctor.name : prototypeName(Object.getPrototypeOf(error));
  }
  return `non-object:${typeof error}`;
}

function describeKey(key) {
  return typeof key === 'symbol' ? `@@${key.description}` : key;
}

/**
 * Describes any value as data. Objects are described by prototype,
 * extensibility and own property descriptors (reading each through the
 * descriptor, so a namespace binding in its TDZ shows up as `throws`).
 */
export function describeValue(value, depth = 0, seen = new Map(), path = '$') {
  if (value === null) return null;
  if (typeof value !== 'object' && typeof value !== 'function') return describePrimitive(value);
  if (seen.has(value)) return { ref: seen.get(value) };
  seen.set(value, path);
  if (typeof value === 'function') {
    return { function: value.name, length: value.length };
  }
  if (value instanceof Error) {
    return { error: errorKind(value), message: value.message };
  }
  if (depth >= MAX_DEPTH) return { truncated: prototypeName(Object.getPrototypeOf(value)) };
  if (Array.isArray(value)) {
    return { array: Array.from(value, (item, i) => describeValue(item, depth + 1, seen, `${path}[${i}]`)) };
  }
  const description = {
    proto: prototypeName(Object.getPrototypeOf(value)),
    extensible: Object.isExtensible(value),
    props: [],
  };
  for (const key of Reflect.ownKeys(value)) {
    let desc;
    try {
      desc = Object.getOwnPropertyDescriptor(value, key);
    } catch (error) {
      description.props.push({ key: describeKey(key), throws: errorKind(error) });
      continue;
    }
    const prop = { key: describeKey(key) };
    if ('value' in desc) {
      prop.value = describeValue(desc.value, depth + 1, seen, `${path}.${describeKey(key)}`);
      prop.writable = desc.writable;
    } else {
      prop.get = typeof desc.get;
      prop.set = typeof desc.set;
    }
    prop.enumerable = desc.enumerable;
    prop.configurable = desc.configurable;
    description.props.push(prop);
  }
  return description;
}

/**
 * Lets work the graph left running (async modules still evaluating after a
 * sibling failed, promise callbacks) finish inside the observation, so late
 * log entries are compared and a late crash is attributed to this graph.
 */
async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Records the unhandled promise rejections of a child process (a plain
 * `node` process, not Jest, which owns them there). `take()` returns and
 * clears what was seen since the last call.
 */
export function watchUnhandledRejections(processObject) {
  let seen = [];
  processObject.on('unhandledRejection', (reason) => {
    seen.push(`${errorKind(reason)}: ${reason instanceof Error ? reason.message : String(reason)}`);
  });
  return {
    take() {
      const taken = seen;
      seen = [];
      return taken;
    },
  };
}

/**
 * Imports a graph's entry twice and records what happened.
 *
 * @param importEntry function returning a promise of the entry's namespace
 * @param log the `__log` array the graph's modules push to
 * @param unhandled optional watchUnhandledRejections() result: rejections
 *   nobody handled while the graph ran become part of the outcome
 */
export async function observeGraph(importEntry, log, unhandled) {
  unhandled?.take();
  const outcome = {};
  let first;
  try {
    first = { namespace: await importEntry() };
  } catch (error) {
    first = { error };
  }
  const logLengthAtFirstSettlement = log.length;
  await settle();
  const logLengthAfterFirst = log.length;
  let second;
  try {
    second = { namespace: await importEntry() };
  } catch (error) {
    second = { error };
  }
  if ('namespace' in first) {
    outcome.status = 'fulfilled';
    outcome.namespace = describeValue(first.namespace);
    if ('error' in second) outcome.secondImport = `rejected: ${errorKind(second.error)}`;
    else outcome.secondImport = second.namespace === first.namespace ? 'same namespace' : 'different namespace';
  } else {
    outcome.status = 'rejected';
    outcome.error = errorKind(first.error);
    outcome.bodyRanBeforeError = logLengthAtFirstSettlement > 0;
    if (!('error' in second)) outcome.secondImport = 'fulfilled';
    else outcome.secondImport = second.error === first.error ? 'same error' : `other error: ${errorKind(second.error)}`;
    outcome.errorMessage = first.error instanceof Error ? first.error.message : String(first.error);
  }
  await settle();
  outcome.secondImportRanCode = log.length !== logLengthAfterFirst;
  outcome.log = log.map((entry, i) => describeValue(entry, 0, new Map(), `log[${i}]`));
  if (unhandled) outcome.unhandledRejections = unhandled.take();
  return outcome;
}
