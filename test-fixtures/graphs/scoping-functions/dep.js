export let base = 0;
export function bump() { base++; }
export class Base { who() { return 'Base'; } }
export function* gen() { yield base; yield* [base + 1]; }
export async function asyncValue() { await null; return 'async:' + base; }
