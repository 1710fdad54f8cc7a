/**
 * Differential tests over test-fixtures/graphs: each graph runs natively (a
 * fresh `node` process importing entry.js) and through Hermetic (a
 * Compartment whose loadHook compiles each file with `new ModuleSource`);
 * the namespace snapshot, the `__log` order, the error kind, whether any
 * module body ran before the error, and what a second import gives must match.
 */
import { listGraphs } from './support/graph-corpus.js';
import { runNative } from './support/run-native.js';
import { runHermetic } from './support/run-hermetic.js';
import { comparable } from './support/compare-outcomes.js';

const graphs = listGraphs();

test('the corpus is there', () => {
  expect(graphs.length).toBeGreaterThanOrEqual(40);
});

describe.each(graphs)('graph $name', (graph) => {
  const items = graph.meta.conformance.length > 0 ? ` [items ${graph.meta.conformance.join(', ')}]` : '';

  test(`${graph.name}${items}: ${graph.meta.description}`, async () => {
    const native = await runNative(graph.entry);
    // Guard the corpus itself: the native outcome is what graph.json says.
    expect({ status: native.status, error: native.error, bodyRanBeforeError: native.bodyRanBeforeError }).toMatchObject(
      Object.fromEntries(Object.entries(graph.meta.expect).filter(([, v]) => v !== undefined)),
    );
    const hermetic = await runHermetic(graph.entry);
    expect(comparable(hermetic)).toEqual(comparable(native));
    for (const fragment of graph.meta.errorMessageIncludes ?? []) {
      expect(native.errorMessage).toContain(fragment);
      expect(hermetic.errorMessage).toContain(fragment);
    }
  });
});
