export * from './barrel.js';
export const dup = 'outer local wins';
