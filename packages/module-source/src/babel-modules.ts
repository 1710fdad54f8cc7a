/**
 * The Babel packages the compiler runs, loaded with `require`: they are
 * CommonJS, and Node lexes every CommonJS file an ES module imports to find
 * its export names, which for @babel/parser and @babel/types costs ~250 ms of
 * every build's (and `hermetic run`'s) start-up, against ~30 ms required.
 */
import { createRequire } from 'node:module';
import type * as BabelParser from '@babel/parser';
import type * as BabelTypes from '@babel/types';

/** `require` from this package (for Babel modules loaded only when needed, such as the code frame). */
export const requireHere = createRequire(import.meta.url);

export const { parse } = requireHere('@babel/parser') as typeof BabelParser;
export const { VISITOR_KEYS } = requireHere('@babel/types') as typeof BabelTypes;
