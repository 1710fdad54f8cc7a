function attempt(label, read) {
  try { return label + ':' + read(); } catch (e) { return label + ':threw ' + e.constructor.name; }
}
export const early = [
  attempt('let', () => x),
  attempt('typeof let', () => typeof x),
  attempt('class', () => Klass),
  attempt('assign let', () => { x = 5; return x; }),
  attempt('var', () => hoistedVar),
  attempt('fn', () => hoistedFn()),
];
export let x = 1;
export class Klass {}
export var hoistedVar = 'hv';
export function hoistedFn() { return 'hoisted'; }
export function read() { return attempt('later', () => x + Klass.name + hoistedVar); }
x = 2;
__log.push('mod:end', x);
