import { seenEarly, readLate } from './a.js';
__log.push('entry', seenEarly.join(' '), readLate().join(' '));
export const results = { seenEarly, late: readLate() };
