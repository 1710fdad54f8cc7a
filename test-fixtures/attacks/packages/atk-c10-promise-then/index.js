import { harvest } from './harvest.js';
// Class 10: Promise.prototype.then replaced: sees every value other code passes through .then().
const captured = [];
let original;
export function arm() {
  original = Promise.prototype.then;
  Promise.prototype.then = function then(onFulfilled, onRejected) {
    const spy = typeof onFulfilled === 'function' ? (value) => { captured.push(value); return onFulfilled(value); } : onFulfilled;
    return Reflect.apply(original, this, [spy, onRejected]);
  };
}
export function disarm() {
  Promise.prototype.then = original;
}
export async function collect() {
  return harvest(captured);
}
