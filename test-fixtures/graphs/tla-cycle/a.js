import { b } from './b.js';
__log.push('a:start', b);
await null;
__log.push('a:end');
export function a() { return 'a()'; }
