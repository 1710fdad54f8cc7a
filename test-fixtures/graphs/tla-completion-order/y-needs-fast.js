import './fast.js';
__log.push('y');
