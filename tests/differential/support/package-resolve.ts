/**
 * Bare-specifier resolution for the package tests' compartments, matching the
 * files Node's own resolution picks (preact's "import" condition points at
 * dist/preact.mjs, byte-identical to dist/preact.module.js, which is the file
 * the brief names; packages.test.ts asserts the two are identical).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveRelative, type Resolve } from './run-hermetic.js';

/** The repository's node_modules. */
export const NODE_MODULES = path.resolve(__dirname, '../../../node_modules');

const packageEntries: Record<string, string> = {
  'lodash-es': 'lodash-es/lodash.js',
  preact: 'preact/dist/preact.module.js',
  'preact/hooks': 'preact/hooks/dist/hooks.module.js',
};

/** Resolves lodash-es, lodash-es/<file>, preact and preact/hooks; relative specifiers as usual. */
export const resolvePackages: Resolve = (specifier, referrer) => {
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('file:')) {
    return resolveRelative(specifier, referrer);
  }
  const mapped = packageEntries[specifier] ?? (specifier.startsWith('lodash-es/') ? specifier : undefined);
  if (mapped === undefined) {
    throw new Error(`package test resolver: no mapping for bare specifier '${specifier}' imported by ${referrer}`);
  }
  return pathToFileURL(path.join(NODE_MODULES, mapped)).href;
};
