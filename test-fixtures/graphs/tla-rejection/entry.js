import './ok.js';
import './parent.js';
__log.push('entry never runs');
