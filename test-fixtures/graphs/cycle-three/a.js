import { b, bHoisted } from './b.js';
__log.push('a', b, bHoisted());
export const a = 'A';
export { incC } from './c.js';
