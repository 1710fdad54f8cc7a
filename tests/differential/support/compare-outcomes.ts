/**
 * Reduces an outcome to what must match between native Node and Hermetic.
 */
import type { Outcome } from './observe.mjs';

/** The comparable part of an outcome. */
export type Comparable = Omit<Outcome, 'errorMessage'>;

/**
 * Engine messages differ in wording, so only the error's constructor is
 * compared (graphs log their own messages where wording matters). Whether a
 * second import of a graph that failed to *link* rethrows the same object is
 * host-defined (Node caches the failed job; the spec leaves the records
 * unlinked, so a retry may create a new error of the same kind); for
 * link-time failures only "rejected again with the same kind" is compared.
 * Evaluation errors must keep their identity (CONFORMANCE 14).
 */
export function comparable(outcome: Outcome): Comparable {
  const { errorMessage: _message, ...rest } = outcome;
  const linkTimeFailure = outcome.status === 'rejected' && outcome.bodyRanBeforeError === false;
  if (linkTimeFailure && (outcome.secondImport === 'same error' || outcome.secondImport === `other error: ${outcome.error}`)) {
    return { ...rest, secondImport: `rejected again: ${outcome.error}` };
  }
  return rest;
}
