import { value, hello } from './entry.js';
__log.push('dep:start', hello());
export function readEntry() {
  try { return value; } catch (e) { return e.constructor.name; }
}
__log.push('dep:readEntry', readEntry());
export const dep = 'dep';
