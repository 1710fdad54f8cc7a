__log.push('bad');
const await = 1;
