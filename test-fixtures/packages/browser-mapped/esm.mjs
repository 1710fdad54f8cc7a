export { which } from './lib/esm-node.mjs';
