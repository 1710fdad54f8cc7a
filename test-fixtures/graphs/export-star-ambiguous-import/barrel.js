__log.push('barrel');
export * from './left.js';
export * from './right.js';
