const d = (name) => JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, name), (k, v) => (k === 'value' && typeof v !== 'number' && typeof v !== 'string' ? typeof v : v));
__log.push(globalThis.undefined === undefined, Number.isNaN(globalThis.NaN), globalThis.Infinity);
__log.push(d('undefined'), d('NaN'), d('Infinity'), d('Array'), d('Math'), d('globalThis'), d('__log'));
__log.push(Object.getPrototypeOf(globalThis) !== null, globalThis instanceof Object);
globalThis = 'replaced';
__log.push(typeof globalThis, globalThis);
