__log.push('bad');
const s = '\08';
