__log.push('bad');
const n = 010;
