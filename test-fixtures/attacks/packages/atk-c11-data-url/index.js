import { harvest } from './harvest.js';
// Found while writing the suite: a module given as a data: URL, which a bundler may inline as a module
// of no package (the app?), or leave to the host to load outside every compartment.
export async function collect() {
  const namespace = await import('data:text/javascript,export default [globalThis, typeof document === "undefined" ? undefined : document, typeof fetch === "undefined" ? undefined : fetch]');
  return harvest(namespace.default);
}
