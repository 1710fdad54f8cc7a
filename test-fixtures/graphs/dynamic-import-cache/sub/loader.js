export function loadFromSub() { return import('../counter.js'); }
