// A library build: the bundle re-exports the entry's exports; inside it,
// lodash-es runs in its own compartment under the generated policy.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { hermetic } from '@hermetic/rollup-plugin';

export default {
  input: 'src/index.js',
  output: { dir: 'dist', format: 'es', sourcemap: true },
  plugins: [nodeResolve(), hermetic()],
};
