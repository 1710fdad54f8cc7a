import { harvest } from './harvest.js';
// Class 2: computed import() of the bundle's own chunks, found at run time in stack traces (its own, and
// the one of the ReferenceError that reading an absent global throws, made by whatever resolves globals):
// every chunk URL is imported and its exports harvested; exported functions of two parameters are asked
// for the root's scope, as the bootstrap's scopeOf would be.
function stacks() {
  const texts = [String(new Error().stack)];
  try {
    // eslint-disable-next-line no-undef
    __hermeticAbsentGlobal;
  } catch (error) {
    texts.push(String(error && error.stack));
  }
  return texts.join('\n');
}
export async function collect() {
  const urls = new Set(stacks().match(/(https?|file):\/\/[^\s)]+?\.m?js/g) ?? []);
  urls.add(import.meta.url);
  const got = [];
  const failures = [];
  for (const url of urls) {
    try {
      const namespace = await import(url);
      got.push(namespace);
      for (const value of Object.values(namespace)) {
        if (typeof value !== 'function' || value.length !== 2) continue;
        try { got.push(value('$root$', true)); } catch {}
      }
    } catch (error) {
      failures.push(`${url}: ${error && error.message}`);
    }
  }
  if (got.length === 0) throw new Error(`imported no chunk (${failures.join('; ') || 'no chunk URL in the stack traces'})`);
  return harvest(got);
}
