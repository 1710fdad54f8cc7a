import './ok.js';
import './duplicate-export.js';
__log.push('entry');
