import './shared.js';
__log.push('second');
