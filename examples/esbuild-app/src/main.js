// The app (the policy's $root$) uses lodash-es and a vendored tracker; each
// runs in its own compartment. Works in Node (`hermetic run`) and in a
// browser (`hermetic build`, then open index.html through a server).
import { camelCase, groupBy } from 'lodash-es';
import { track } from '../vendor/tracker/index.js';
import { format } from './format.js';

const features = ['one compartment per package', 'policy from the import graph', 'no eval under a strict CSP'];
const byLength = groupBy(features, (feature) => (feature.length > 26 ? 'long' : 'short'));
const tracked = track('page-view');

const lines = [
  'Hermetic esbuild-app',
  format('lodash-es', `camelCase("${features[0]}") = ${camelCase(features[0])}`),
  format('lodash-es', `groupBy: ${Object.keys(byLength).sort().join(', ')}`),
  format('tracker', `typeof fetch = ${tracked.fetch}, typeof process = ${tracked.process}, own frozen global = ${tracked.ownGlobal}`),
  format('$root$', `typeof fetch = ${typeof fetch} (the app itself is trusted)`),
];

if (typeof document !== 'undefined') {
  const pre = document.createElement('pre');
  pre.id = 'result';
  pre.textContent = lines.join('\n');
  document.body.append(pre);
} else {
  console.log(lines.join('\n'));
}
