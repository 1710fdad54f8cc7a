import './early-reader.js';
let x = 'expr-1';
export default x;
export function bump() { x = 'expr-2'; }
