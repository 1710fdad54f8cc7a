import './slow.js';
__log.push('x');
