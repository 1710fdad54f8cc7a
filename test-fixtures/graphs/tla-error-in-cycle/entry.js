import './a.js';
__log.push('entry never runs');
