export const shared = 'same binding via one.js, two.js and via.js';
