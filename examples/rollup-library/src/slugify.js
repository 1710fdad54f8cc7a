import { deburr, kebabCase } from 'lodash-es';

/** "Crème Brûlée!" → "creme-brulee" */
export function slugify(text) {
  return kebabCase(deburr(text));
}
