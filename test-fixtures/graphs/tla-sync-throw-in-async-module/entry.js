import './thrower.js';
import './sibling.js';
__log.push('entry never runs');
