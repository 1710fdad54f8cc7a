import './dep.js';
class CustomError extends Error {}
__log.push('thrower:start');
export let partial = 'set before the throw';
throw new CustomError('thrown at top level');
