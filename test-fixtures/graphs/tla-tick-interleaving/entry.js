import './after-a.js';
import './b.js';
__log.push('entry');
