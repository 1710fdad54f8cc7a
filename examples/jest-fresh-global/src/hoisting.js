// Cycles with hoisted functions and TDZ behave as native ES modules do.
import { ping } from './hoisting-peer.js';

export function pong(n) {
  return n <= 0 ? 'pong' : ping(n - 1);
}

export const readEarly = () => late;
export const late = 'initialised';
