__log.push('bad');
function f() { import x from './ok.js'; }
