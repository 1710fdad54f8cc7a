__log.push('bad');
function f() {}
var f = 1;
