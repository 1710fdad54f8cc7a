/**
 * Differential tests over test-fixtures/graphs: every graph runs natively
 * (Node's own loader, support/native-child.mjs, a fresh process per graph:
 * empty module map, pristine global) and through Hermetic (a fresh
 * Compartment per graph whose loadHook compiles each file with
 * `new ModuleSource`, support/hermetic-child.mjs, one child process for the
 * corpus); then one test per graph compares the
 * namespace snapshot, the `__log` order, the error kind, whether any module
 * body ran before the error, what a second import gives, and the unhandled
 * rejections seen while the graph ran.
 *
 * Every graph is checked twice on the Hermetic side: through the `hermetic`
 * Node entry (`new ModuleSource(text)` compiles at run time), and
 * precompiled: each file compiled ahead of time by `compileModule` into a
 * record module, loaded by Node's `import()` as a bundle would carry it, and
 * linked by the compiler-less `@hermetic/runtime` (the CSP deployment path).
 *
 * A graph whose graph.json has `knownDifference` runs as `test.failing`: it
 * passes while Hermetic still differs and fails once the difference is gone.
 */
import path from 'node:path';
import { GRAPHS_DIR, listGraphs } from './support/graph-corpus.js';
import { runNative } from './support/run-native.js';
import { runPool } from './support/run-pool.js';
import { runHermetic } from './support/run-hermetic.js';
import { runHermeticBatch, removeHermeticBundle } from './support/run-hermetic-child.js';
import { comparable } from './support/compare-outcomes.js';
import { checkGraph, graphTitle } from './support/check-graph.js';
import type { Outcome } from './support/observe.mjs';

const graphs = listGraphs();
const native = new Map<string, Outcome>();
const hermetic = new Map<string, Outcome>();
const precompiled = new Map<string, Outcome>();

beforeAll(async () => {
  const entries = graphs.map((g) => g.entry);
  const [nativeOutcomes, hermeticOutcomes, precompiledOutcomes] = await Promise.all([
    runPool(entries, 2, (entry) => runNative(entry)),
    runHermeticBatch(entries),
    runHermeticBatch(entries, { precompiled: true }),
  ]);
  graphs.forEach((g, i) => {
    native.set(g.name, nativeOutcomes[i]!);
    hermetic.set(g.name, hermeticOutcomes[i]!);
    precompiled.set(g.name, precompiledOutcomes[i]!);
  });
}, 300_000);

afterAll(() => removeHermeticBundle());

describe('harness self-checks', () => {
  test('the corpus is there', () => {
    expect(graphs.length).toBeGreaterThanOrEqual(100);
  });

  test('in-process run (Jest, TypeScript sources): every module of a graph goes through the loadHook', async () => {
    const loaded: string[] = [];
    const outcome = await runHermetic(path.join(GRAPHS_DIR, 'cycle-three', 'entry.js'), { onLoad: (s) => loaded.push(path.basename(s)) });
    expect(outcome.status).toBe('fulfilled');
    expect(loaded.sort()).toEqual(['a.js', 'b.js', 'c.js', 'entry.js']);
  });

  test('in-process and child-process Hermetic runs agree (the child bundles the same sources)', async () => {
    for (const name of ['cycle-two', 'tla-tick-chain', 'namespace-object']) {
      const { unhandledRejections: _ignored, ...child } = hermetic.get(name)!;
      expect(await runHermetic(path.join(GRAPHS_DIR, name, 'entry.js'))).toEqual(child);
    }
  });

  test('a different behaviour is detected: cycle-two natively vs cycle-three through Hermetic differ', async () => {
    const nativeTwo = await runNative(path.join(GRAPHS_DIR, 'cycle-two', 'entry.js'));
    expect(comparable(hermetic.get('cycle-three')!)).not.toEqual(comparable(nativeTwo));
  });
});

describe.each(graphs)('graph $name', (graph) => {
  const check = () => checkGraph(graph, native.get(graph.name), hermetic.get(graph.name));
  if (graph.meta.knownDifference !== undefined) test.failing(graphTitle(graph), check);
  else test(graphTitle(graph), check);
});

describe.each(graphs)('precompiled records, compiler-less runtime: graph $name', (graph) => {
  const check = () => checkGraph(graph, native.get(graph.name), precompiled.get(graph.name));
  if (graph.meta.knownDifference !== undefined) test.failing(graphTitle(graph), check);
  else test(graphTitle(graph), check);
});
