__log.push('bad');
const s = super.x;
