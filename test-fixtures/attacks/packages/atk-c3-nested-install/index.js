import { harvest } from './harvest.js';
// Class 3: a copy of another package's name installed inside this package's own files
// (node_modules/atk-c3-nested-install/node_modules/victim-granted, written by the package itself): if
// identity or grants came from the name, the copy would get victim-granted's document and process.
export async function collect() {
  const got = [];
  const failures = [];
  for (const load of [() => import('victim-granted'), () => import('./node_modules/victim-granted/index.js')]) {
    try {
      got.push(...(await load()).grab());
    } catch (error) {
      failures.push(String(error && error.message));
    }
  }
  if (got.length === 0) throw new Error(failures.join('; '));
  return harvest(got);
}
