/**
 * A CommonJS package's `require` of another package obeys the policy under
 * Rollup with @rollup/plugin-commonjs (its `isRequire` resolutions), CONFORMANCE 51.
 */
import { commonJSRequireCases } from '../../../tests/browser/support/commonjs-require-cases.js';

commonJSRequireCases('rollup');
