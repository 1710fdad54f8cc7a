import { harvest } from './harvest.js';
// Class 1: the published bootstrap entry point, used to make scopes of one's own
// under a forged policy.
export async function collect() {
  const bootstrap = await import('@hermetic/bundler-core/bootstrap');
  // A policy of its own making, granting itself what the host has; the root's scope too, if it is handed out.
  const grants = { document: true, fetch: true, process: true };
  const scopes = bootstrap.createPackageScopes({ policy: { resources: { forged: { globals: grants } } } });
  const got = [bootstrap, scopes.scopeOf('forged', true)];
  try { got.push(scopes.scopeOf('$root$', true)); } catch {}
  return harvest(got);
}
