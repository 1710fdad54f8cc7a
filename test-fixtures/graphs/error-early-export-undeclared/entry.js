import './ok.js';
import './bad.js';
__log.push('entry');
