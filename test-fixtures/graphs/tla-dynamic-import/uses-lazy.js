__log.push('uses-lazy:start');
const ns = await import('./lazy.js');
export const value = 'got ' + ns.lazy;
__log.push('uses-lazy:end');
