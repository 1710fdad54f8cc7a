/**
 * One differential check of one graph, shared by the test files that run the
 * corpus (unfrozen and frozen compartment globals).
 */
import type { Graph } from './graph-corpus.js';
import { runNative } from './run-native.js';
import { runHermetic } from './run-hermetic.js';
import { expectSameOutcome } from './expect-same-outcome.js';

/** Runs `graph` natively and through Hermetic and asserts the outcomes match. */
export async function checkGraph(graph: Graph, options: { frozenGlobal?: boolean } = {}): Promise<void> {
  const native = await runNative(graph.entry, options);
  if (!options.frozenGlobal) {
    // Guard the corpus itself: the native outcome is what graph.json says
    // (with a frozen global, graphs that add globals fail differently on purpose).
    expect({ status: native.status, error: native.error, bodyRanBeforeError: native.bodyRanBeforeError }).toMatchObject(
      Object.fromEntries(Object.entries(graph.meta.expect).filter(([, v]) => v !== undefined)),
    );
  }
  const hermetic = await runHermetic(graph.entry, options);
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
