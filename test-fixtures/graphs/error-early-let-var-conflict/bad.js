__log.push('bad');
let x = 1;
var x = 2;
