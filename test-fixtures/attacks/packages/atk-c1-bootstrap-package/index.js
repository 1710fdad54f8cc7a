import { harvest } from './harvest.js';
// Class 1: the published bootstrap entry point, used to make scopes of one's own (the root's is the host).
export async function collect() {
  const bootstrap = await import('@hermetic/bundler-core/bootstrap');
  const scopes = bootstrap.createPackageScopes({ policy: { resources: {} } });
  return harvest([bootstrap, scopes.scopeOf('$root$', true)]);
}
