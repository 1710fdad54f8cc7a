import { cur, key, idx, pair, iterate, setObserver } from './m.js';
import * as ns from './m.js';
setObserver(() => __log.push('observe', cur, key, idx, ns.pair));
await iterate();
__log.push('final', cur, key, idx, pair);
