__log.push('bad');
const r = /a/gg;
