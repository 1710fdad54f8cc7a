/**
 * @hermetic/esbuild-plugin end to end: a React + react-dom + preact +
 * lodash-es app built by the real esbuild, loaded in Chromium under
 * `script-src 'self'` (CONFORMANCE 49–52), as ES modules with a dynamic
 * import() chunk and as an IIFE.
 */
import { esmAndIifeSuite } from './support/esm-and-iife-suite.js';

esmAndIifeSuite({
  bundler: 'esbuild',
  esmTitle: '49: the ESM bundle (code-split, dynamic import chunk) runs under script-src self with zero violations and renders React, preact and lodash-es',
  expectChunks: (files) => expect(files.filter((f) => f.file.endsWith('.js')).length).toBeGreaterThanOrEqual(2),
});
