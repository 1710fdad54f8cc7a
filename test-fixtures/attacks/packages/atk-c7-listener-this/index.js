import { harvest } from './harvest.js';
// Class 7 (granted addEventListener): the host calls a listener with `this` = window.
const captured = [];
export function arm() {
  addEventListener('hermetic-attack', function () { captured.push(this); });
}
export async function collect() {
  if (captured.length === 0) throw new Error('the listener never ran');
  return harvest(captured);
}
