// A rules file: plain JavaScript, evaluated in its own global. It sees the
// DSL's `rule` and the standard built-ins, nothing of the host (no process,
// no require, no fetch), and its global writes stay in its global.
rule('10% off orders over 100', (order) => (order.total > 100 ? Math.round(order.total * 90) / 100 : order.total));
rule('free shipping from 3 items', (order) => order.items >= 3);
var helperLeak = 'stays in this global';
globalThis.reachedHost = typeof process !== 'undefined' && typeof require !== 'undefined';
