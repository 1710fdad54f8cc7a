/**
 * The grants a loaded policy is warned about (grant-warnings.ts,
 * dom-grants.ts): those that hand over the page's window or the host's
 * whole authority, whatever their name says.
 */
import { grantWarnings } from '../src/grant-warnings.js';
import { isDomGrant } from '../src/dom-grants.js';

test('node and range constructors reach the window as a DOM node does', () => {
  for (const path of ['Image', 'Audio', 'Option', 'Range', 'window.Range', 'open', 'document.createElement', 'HTMLDivElement', 'onmessage']) {
    expect(isDomGrant(path)).toBe(true);
  }
  for (const path of ['fetch', 'console.log', 'URL', 'setTimeout', 'crypto.getRandomValues', 'ImageData']) {
    expect(isDomGrant(path)).toBe(false);
  }
});

test('the whole process, code-running built-ins and worker constructors are reported; members of them are not', () => {
  const warnings = grantWarnings({
    resources: {
      a: { globals: { process: true } },
      b: { builtin: { 'child_process.exec': true, fs: true } },
      c: { globals: { Worker: true, 'process.env': true } },
      d: { globals: { 'process.env.NODE_ENV': true, Image: false }, builtin: { 'fs.readFile': true } },
      e: { globals: { Image: true } },
    },
  });
  expect(warnings).toHaveLength(4);
  expect(warnings.find((w) => w.startsWith('Package "a"'))).toContain('the global "process"');
  expect(warnings.find((w) => w.startsWith('Package "b"'))).toContain('the built-in "child_process"');
  expect(warnings.find((w) => w.startsWith('Package "b"'))).not.toContain('"fs"');
  expect(warnings.find((w) => w.startsWith('Package "c"'))).toContain('is granted "Worker": a worker runs any same-origin script');
  expect(warnings.find((w) => w.startsWith('Package "e"'))).toContain('equivalent to granting `window`');
  expect(warnings.some((w) => w.startsWith('Package "d"'))).toBe(false);
});
