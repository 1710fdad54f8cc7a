import * as ns from './m.js';
__log.push(Reflect.ownKeys(ns).map(String).join());
export { ns };
