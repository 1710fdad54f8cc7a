// Uses the built library like any consumer would.
import describe, { slugify, version } from './dist/index.js';

console.log(describe('Hermetic'));
console.log(`slugify("Crème Brûlée, à la carte!") = ${slugify('Crème Brûlée, à la carte!')}`);
console.log(`version ${version}`);
