__log.push('bad');
const yield = 1;
