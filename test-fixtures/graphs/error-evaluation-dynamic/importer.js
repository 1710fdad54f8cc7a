import './thrower.js';
__log.push('importer never runs');
