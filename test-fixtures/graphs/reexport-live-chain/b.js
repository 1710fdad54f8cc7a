export { x, x as y, inc } from './a.js';
import { x as imported } from './a.js';
export { imported as z };
