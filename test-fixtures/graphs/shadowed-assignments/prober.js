import { shadowWrites } from './writer.js';
const early = shadowWrites();
export function probe() { return early; }
