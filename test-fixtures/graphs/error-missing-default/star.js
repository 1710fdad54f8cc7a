__log.push('star');
export * from './has-default.js';
