import './bottom.js';
import './left.js';
__log.push('right');
export const rightVal = 'R';
