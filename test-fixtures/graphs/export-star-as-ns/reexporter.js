export * as ns from './target.js';
export * as "star ns" from './target.js';
