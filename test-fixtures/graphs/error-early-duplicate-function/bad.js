__log.push('bad');
function f() {}
function f() {}
