import './b.js';
import './outside.js';
__log.push('a never runs');
