import { a, pending } from './a.js';
__log.push('entry', a);
const ns = await pending;
__log.push('resolved', ns.b, ns.getA());
