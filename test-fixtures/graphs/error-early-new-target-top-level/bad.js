__log.push('bad');
const t = new.target;
