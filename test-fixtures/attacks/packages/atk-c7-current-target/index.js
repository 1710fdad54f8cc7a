import { harvest } from './harvest.js';
// Class 7 (granted addEventListener): the event's currentTarget (and target) is the window.
const captured = [];
export function arm() {
  addEventListener('hermetic-attack', (event) => { captured.push(event.currentTarget, event.target); });
}
export async function collect() {
  if (captured.length === 0) throw new Error('the listener never ran');
  return harvest(captured);
}
