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
import { GRAPHS_DIR, listGraphs } from './support/graph-corpus.js';
import { runNative } from './support/run-native.js';
import { runHermetic } from './support/run-hermetic.js';
import { comparable } from './support/compare-outcomes.js';
import { checkGraph, graphTitle } from './support/check-graph.js';

const graphs = listGraphs();

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
  if (graph.meta.knownDifference !== undefined) {
    test.failing(graphTitle(graph), () => checkGraph(graph));
  } else {
    test(graphTitle(graph), () => checkGraph(graph));
  }
});
