__log.push('bad');
const a = 1;
--> also not a comment in modules

