/**
 * The differential assertion: Hermetic's outcome must equal the native one
 * (see compare-outcomes.ts for what is compared). On failure the message also
 * carries both sides' error messages, which the comparison itself ignores.
 */
import type { Outcome } from './observe.mjs';
import { comparable } from './compare-outcomes.js';

/**
 * Asserts that `hermetic` matches `native`. An in-process Hermetic run (inside
 * Jest) records no unhandled rejections — Jest owns them there and fails the
 * test itself — so the native side's list is then left out too.
 */
export function expectSameOutcome(hermetic: Outcome, native: Outcome): void {
  const reference = { ...native };
  if (hermetic.unhandledRejections === undefined) delete reference.unhandledRejections;
  try {
    expect(comparable(hermetic)).toEqual(comparable(reference));
  } catch (error) {
    if (error instanceof Error && (hermetic.errorMessage !== undefined || native.errorMessage !== undefined)) {
      error.message = `native error message: ${native.errorMessage ?? '(none)'}\nHermetic error message: ${hermetic.errorMessage ?? '(none)'}\n\n${error.message}`;
    }
    throw error;
  }
}
