import { $h, $hu as u, $hdefault, set$h } from './m.js';
import $hx from './m.js';
globalThis.$hg = 'global $hg';
const $h1 = 'local $h1', $h2 = 'local $h2';
set$h('changed');
__log.push($h, u, $hdefault, $hx, $h1, $h2, $hg, typeof $ht);
export { $h1 as $hy };
