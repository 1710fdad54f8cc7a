export * from './barrel.js';
