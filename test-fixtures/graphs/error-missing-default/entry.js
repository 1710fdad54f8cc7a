import d from './star.js';
__log.push('entry', d);
