__log.push('bad');
function f() { arguments = 1; }
