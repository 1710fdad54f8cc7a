import { pong } from './hoisting.js';

export function ping(n) {
  return n <= 0 ? 'ping' : pong(n - 1);
}
