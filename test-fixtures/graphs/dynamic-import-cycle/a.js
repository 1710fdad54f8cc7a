import './b.js';
__log.push('a:start');
export const pending = import('./b.js');
pending.then(() => __log.push('pending settled'));
export const a = 'A';
__log.push('a:end');
