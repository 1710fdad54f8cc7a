import './shared.js';
import './x.js';
__log.push('y');
