import './ok.js';
import './bad.js';
__log.push('other-parent never runs');
