import { harvest } from './harvest.js';
// Class 7 (granted setTimeout): the host calls a timer callback with `this` = window, even in strict code.
const captured = [];
export function arm() {
  setTimeout(function () { captured.push(this); }, 0);
}
export async function collect() {
  await new Promise((resolve) => setTimeout(resolve, 20));
  if (captured.length === 0) throw new Error('the timer callback never ran');
  return harvest(captured);
}
