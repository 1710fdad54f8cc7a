import { ex } from './exporter.js';
import './exporter.js';
// Hoisted and called by prober.js before exporter.js's body ran: `ex` of
// exporter.js is in its TDZ, but these writes are to locals named ex.
export function shadowWrites() {
  let out = [];
  (function (ex) { ex = 'param'; ex++; out.push(String(ex)); })(0);
  { let ex = 'block'; ex += '!'; out.push(ex); }
  for (let ex of ['loop']) { ex = ex.toUpperCase(); out.push(ex); }
  try { throw 'c'; } catch (ex) { ex = 'catch'; out.push(ex); }
  return out.join(',');
}
