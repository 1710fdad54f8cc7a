// The library's public API.
export { slugify } from './slugify.js';
export const version = '1.0.0';

export default function describe(title) {
  return `${title} (rollup-library ${version})`;
}
