import './x-needs-slow.js';
import './y-needs-fast.js';
import './z-sync.js';
__log.push('entry');
