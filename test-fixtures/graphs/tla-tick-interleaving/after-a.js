import './a.js';
__log.push('after-a');
