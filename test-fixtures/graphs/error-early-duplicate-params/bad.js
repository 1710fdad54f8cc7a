__log.push('bad');
function f(a, a) {}
