import { shared } from './shared.js';
import './bottom.js';
__log.push('left');
export const leftVal = 'L' + shared;
