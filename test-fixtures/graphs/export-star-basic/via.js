export * from './two.js';
