import './a.js';
__log.push('b:start');
await null;
throw new EvalError('b failed');
