__log.push('bad');
function f() {}
let f = 1;
