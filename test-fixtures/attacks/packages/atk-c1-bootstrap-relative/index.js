import { harvest } from './harvest.js';
// Class 1: the bootstrap file reached by a relative path into node_modules/@hermetic/bundler-core.
export async function collect() {
  const bootstrap = await import('../@hermetic/bundler-core/dist/bootstrap/index.js');
  const scopes = bootstrap.createPackageScopes({ policy: { resources: {} } });
  return harvest([bootstrap, scopes.scopeOf('$root$', true)]);
}
