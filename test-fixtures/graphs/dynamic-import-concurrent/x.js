import { shared } from './shared.js';
import { name as yName } from './y.js';
__events.push('x:' + shared);
export const name = 'X';
export function peer() { return yName; }
