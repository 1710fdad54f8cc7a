import { f, g, v, l } from './barrel.js';
import * as barrel from './barrel.js';
import * as star from './star-only.js';
function attempt(read) { try { return read(); } catch (e) { return 'threw ' + e.constructor.name; } }
export const report = [attempt(() => f()), attempt(() => g()), attempt(() => String(v)), attempt(() => l), attempt(() => barrel.f()), attempt(() => star.f()), attempt(() => Object.keys(star).join())].join(' | ');
__log.push('a', report);
