import { harvest } from './harvest.js';
// Class 7 (granted console): replaces console.log for every package and the app, and sees what they log.
const captured = [];
let original;
export function arm() {
  original = console.log;
  console.log = function log(...args) { captured.push(...args); };
}
export function disarm() {
  console.log = original;
}
export async function collect() {
  return harvest(captured);
}
