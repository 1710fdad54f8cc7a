import * as all from './barrel.js';
import { one, two, shared, bump } from './barrel.js';
__log.push(Object.keys(all).join(), 'default' in all, one, two, shared, all.local);
bump();
__log.push(one, all.one);
export * from './barrel.js';
