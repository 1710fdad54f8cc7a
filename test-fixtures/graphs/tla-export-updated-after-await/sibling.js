import { describe } from './async.js';
export const early = 'sibling waited: ' + describe();
__log.push('sibling', early);
