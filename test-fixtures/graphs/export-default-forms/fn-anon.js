import './fn-named.js';
export default function () { return 'anon'; }
