import * as staticNs from './thenable.js';
__log.push('static', typeof staticNs.then);
const result = await import('./thenable.js');
__log.push('dynamic result', result === staticNs, result);
export const got = result;
