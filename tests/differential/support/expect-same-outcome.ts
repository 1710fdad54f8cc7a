/**
 * The differential assertion: Hermetic's outcome must equal the native one
 * (see compare-outcomes.ts for what is compared). On failure the message also
 * carries both sides' error messages, which the comparison itself ignores.
 */
import type { Outcome } from './observe.mjs';
import { comparable } from './compare-outcomes.js';

/** Asserts that `hermetic` matches `native`. */
export function expectSameOutcome(hermetic: Outcome, native: Outcome): void {
  try {
    expect(comparable(hermetic)).toEqual(comparable(native));
  } catch (error) {
    if (error instanceof Error && (hermetic.errorMessage !== undefined || native.errorMessage !== undefined)) {
      error.message = `native error message: ${native.errorMessage ?? '(none)'}\nHermetic error message: ${hermetic.errorMessage ?? '(none)'}\n\n${error.message}`;
    }
    throw error;
  }
}
