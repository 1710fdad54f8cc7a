/**
 * A CommonJS package's `require` of another package obeys the policy under
 * Vite (Rolldown's own CommonJS support, `require-call` resolutions), CONFORMANCE 51.
 */
import { commonJSRequireCases } from '../../../tests/browser/support/commonjs-require-cases.js';

commonJSRequireCases('vite');
