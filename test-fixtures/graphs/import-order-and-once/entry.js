import './first.js';
import {} from './second.js';
import { shared } from './shared.js';
import './first.js';
export * from './third.js';
export { shared as again } from './shared.js';
import { leftVal } from './left.js';
import { rightVal } from './right.js';
__log.push('entry', shared, leftVal, rightVal);
