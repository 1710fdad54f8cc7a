__log.push('bad');
const x = 1;
export { x as '\uD800' };
