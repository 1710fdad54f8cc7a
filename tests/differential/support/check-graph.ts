/**
 * The differential check of one graph, shared by the test files that run the
 * corpus (unfrozen and frozen globals).
 */
import type { Graph } from './graph-corpus.js';
import type { Outcome } from './observe.mjs';
import { expectSameOutcome } from './expect-same-outcome.js';

/** Asserts that Hermetic's outcome of `graph` matches the native one. */
export function checkGraph(graph: Graph, native: Outcome | undefined, hermetic: Outcome | undefined, options: { frozenGlobal?: boolean } = {}): void {
  if (native === undefined || hermetic === undefined) throw new Error(`no outcome recorded for ${graph.name} (did beforeAll fail?)`);
  if (!options.frozenGlobal) {
    // Guard the corpus itself: the native outcome is what graph.json says
    // (with a frozen global, graphs that add globals fail differently on purpose).
    expect({ status: native.status, error: native.error, bodyRanBeforeError: native.bodyRanBeforeError }).toMatchObject(
      Object.fromEntries(Object.entries(graph.meta.expect).filter(([, v]) => v !== undefined)),
    );
  }
  expectSameOutcome(hermetic, native);
  if (!options.frozenGlobal) {
    for (const fragment of graph.meta.errorMessageIncludes ?? []) {
      expect(native.errorMessage).toContain(fragment);
      expect(hermetic.errorMessage).toContain(fragment);
    }
  }
}

/** The Jest title of a graph's test. */
export function graphTitle(graph: Graph): string {
  const items = graph.meta.conformance.length > 0 ? ` [items ${graph.meta.conformance.join(', ')}]` : '';
  const known = graph.meta.knownDifference !== undefined ? ` — KNOWN DIFFERENCE: ${graph.meta.knownDifference}` : '';
  return `${graph.name}${items}: ${graph.meta.description}${known}`;
}
