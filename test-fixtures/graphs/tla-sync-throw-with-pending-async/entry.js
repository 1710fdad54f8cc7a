import './tla.js';
import './throws.js';
__log.push('entry never runs');
