/**
 * A CommonJS package's `require` of another package obeys the policy under
 * esbuild (`require-call` resolutions), CONFORMANCE 51.
 */
import { commonJSRequireCases } from '../../../tests/browser/support/commonjs-require-cases.js';

commonJSRequireCases('esbuild');
