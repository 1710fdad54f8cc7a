import './shared.js';
import './y.js';
__log.push('x');
