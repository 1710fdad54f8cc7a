import './bad.js';
__log.push('parent never runs');
