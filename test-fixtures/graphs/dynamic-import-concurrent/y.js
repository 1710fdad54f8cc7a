import { shared } from './shared.js';
import { name as xName } from './x.js';
__events.push('y:' + shared);
export const name = 'Y';
export function peer() { return xName; }
