/**
 * @hermetic/rollup-plugin end to end: the React + react-dom + preact +
 * lodash-es app built by the real Rollup (node-resolve, commonjs), loaded in
 * Chromium under `script-src 'self'` (CONFORMANCE 49–52), as ES modules with
 * a dynamic import() chunk and as an IIFE.
 */
import { esmAndIifeSuite } from './support/esm-and-iife-suite.js';

esmAndIifeSuite({
  bundler: 'rollup',
  esmTitle: '49: the ES bundle with its dynamic import() chunk runs under script-src self with zero violations and renders React, preact and lodash-es',
  expectChunks: (files) => expect(files.map((f) => f.file).some((f) => f.startsWith('lazy'))).toBe(true),
});
