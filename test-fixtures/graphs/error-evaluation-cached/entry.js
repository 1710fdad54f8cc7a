import './dep.js';
import './thrower.js';
__log.push('entry never runs');
