import { harvest } from './harvest.js';
// Class 2: import() with a second argument some bundlers cannot read, so they leave the call to the
// host's own loader (esbuild even for `{}`), which resolves the bare name outside every compartment.
export async function collect() {
  const options = {};
  return harvest([await import('victim-secret', options)]);
}
