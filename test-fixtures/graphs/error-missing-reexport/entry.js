import './re.js';
__log.push('entry');
