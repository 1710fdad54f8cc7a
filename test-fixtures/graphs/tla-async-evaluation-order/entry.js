import './x.js';
__log.push('entry');
