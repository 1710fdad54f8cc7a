import { nothing, undef, later, hoistedUndefined, setLater } from './b.js';
function attempt(label, read) {
  try { const v = read(); return label + '=' + (v === null ? 'null' : typeof v); } catch (e) { return label + ':' + e.constructor.name; }
}
export function readEarly() {
  return [attempt('nothing', () => nothing), attempt('undef', () => undef), attempt('later', () => later), attempt('hoisted', () => hoistedUndefined)];
}
export const seenEarly = [];
export function readLate() {
  setLater(null);
  return [attempt('nothing', () => nothing), attempt('undef', () => undef), attempt('later', () => later), attempt('hoisted', () => hoistedUndefined), attempt('typeof', () => typeof undef)];
}
__log.push('a');
