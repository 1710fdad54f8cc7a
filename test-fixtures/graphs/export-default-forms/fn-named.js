import './expr.js';
export default function named() { return 'named'; }
export function replace() { named = 'replaced'; }
