import './ticker.js';
import './grand.js';
import './other-async.js';
__log.push('entry');
