import './parent.js';
__log.push('grand:start');
await null;
__log.push('grand:after await');
await Promise.resolve();
__log.push('grand:end');
