export const two = 2;
export default 'two-default';
export * from './shared.js';
