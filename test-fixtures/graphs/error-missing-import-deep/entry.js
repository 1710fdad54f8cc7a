import './async.js';
import './middle.js';
__log.push('entry');
