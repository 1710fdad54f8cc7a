import './leaf.js';
__log.push('parent (sync)');
