__log.push('bad');
let x = 1;
delete x;
