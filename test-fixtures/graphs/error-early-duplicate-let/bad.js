__log.push('bad');
let x; for (let x of []) {} 
let x = 2;
