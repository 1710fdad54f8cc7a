import { i, v, big, str, step } from './m.js';
const trace = [];
for (const kind of ['post++', 'pre++', 'post--', 'pre--', 'var post++', 'var pre--', 'big++', 'str++', 'loop']) {
  trace.push(kind, step(kind), i, v, big, str);
}
__log.push(...trace);
export { i, v, big, str };
