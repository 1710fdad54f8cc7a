/**
 * Differential tests over test-fixtures/graphs: each graph runs natively (a
 * fresh `node` process importing entry.js) and through Hermetic (a
 * Compartment whose loadHook compiles each file with `new ModuleSource`);
 * the namespace snapshot, the `__log` order, the error kind, whether any
 * module body ran before the error, and what a second import gives must match.
 *
 * A graph whose graph.json has `knownDifference` runs as `test.failing`: it
 * passes while Hermetic still differs and fails once the difference is gone.
 */
import path from 'node:path';
import { GRAPHS_DIR, listGraphs, type Graph } from './support/graph-corpus.js';
import { runNative } from './support/run-native.js';
import { runHermetic } from './support/run-hermetic.js';
import { comparable } from './support/compare-outcomes.js';
import { expectSameOutcome } from './support/expect-same-outcome.js';

const graphs = listGraphs();

async function checkGraph(graph: Graph): Promise<void> {
  const native = await runNative(graph.entry);
  // Guard the corpus itself: the native outcome is what graph.json says.
  expect({ status: native.status, error: native.error, bodyRanBeforeError: native.bodyRanBeforeError }).toMatchObject(
    Object.fromEntries(Object.entries(graph.meta.expect).filter(([, v]) => v !== undefined)),
  );
  const hermetic = await runHermetic(graph.entry);
  expectSameOutcome(hermetic, native);
  for (const fragment of graph.meta.errorMessageIncludes ?? []) {
    expect(native.errorMessage).toContain(fragment);
    expect(hermetic.errorMessage).toContain(fragment);
  }
}

describe('harness self-checks', () => {
  test('the corpus is there', () => {
    expect(graphs.length).toBeGreaterThanOrEqual(50);
  });

  test('every module of a graph goes through the loadHook (Hermetic compiles it; nothing is imported natively)', async () => {
    const loaded: string[] = [];
    const outcome = await runHermetic(path.join(GRAPHS_DIR, 'cycle-three', 'entry.js'), { onLoad: (s) => loaded.push(path.basename(s)) });
    expect(outcome.status).toBe('fulfilled');
    expect(loaded.sort()).toEqual(['a.js', 'b.js', 'c.js', 'entry.js']);
  });

  test('a different behaviour is detected: cycle-two natively vs cycle-three through Hermetic differ', async () => {
    const native = await runNative(path.join(GRAPHS_DIR, 'cycle-two', 'entry.js'));
    const hermetic = await runHermetic(path.join(GRAPHS_DIR, 'cycle-three', 'entry.js'));
    expect(comparable(hermetic)).not.toEqual(comparable(native));
  });
});

describe.each(graphs)('graph $name', (graph) => {
  const items = graph.meta.conformance.length > 0 ? ` [items ${graph.meta.conformance.join(', ')}]` : '';
  const title = `${graph.name}${items}: ${graph.meta.description}`;
  if (graph.meta.knownDifference !== undefined) {
    test.failing(`${title} — KNOWN DIFFERENCE: ${graph.meta.knownDifference}`, () => checkGraph(graph));
  } else {
    test(title, () => checkGraph(graph));
  }
});
