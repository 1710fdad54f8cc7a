import * as ns from './barrel.js';
import * as outer from './outer.js';
__log.push(Object.keys(ns).join(), 'dup' in ns, ns.dup, Reflect.ownKeys(outer).length, Object.keys(outer).join());
const dyn = await import('./barrel.js');
__log.push(dyn === ns, 'dup' in dyn);
