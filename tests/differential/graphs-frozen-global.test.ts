/**
 * The whole corpus again with a frozen global object on both sides: Node's
 * global frozen before the import (one child process per graph, since
 * freezing is irreversible), the compartment's `globalThis` frozen before
 * `compartment.import` (one child for all). This drives the record format's
 * frozen-global path (globals read once into data properties, absent names as
 * throwing accessors), which must be indistinguishable from native too.
 * Graphs that add globals now fail, natively and in Hermetic alike.
 */
import { listGraphs } from './support/graph-corpus.js';
import { runNative } from './support/run-native.js';
import { runPool } from './support/run-pool.js';
import { runHermeticBatch, removeHermeticBundle } from './support/run-hermetic-child.js';
import { checkGraph, graphTitle } from './support/check-graph.js';
import type { Outcome } from './support/observe.mjs';

const graphs = listGraphs();
const native = new Map<string, Outcome>();
const hermetic = new Map<string, Outcome>();

beforeAll(async () => {
  const entries = graphs.map((g) => g.entry);
  const [nativeOutcomes, hermeticOutcomes] = await Promise.all([
    runPool(entries, 2, (entry) => runNative(entry, { frozenGlobal: true })),
    runHermeticBatch(entries, { frozenGlobal: true }),
  ]);
  graphs.forEach((g, i) => {
    native.set(g.name, nativeOutcomes[i]!);
    hermetic.set(g.name, hermeticOutcomes[i]!);
  });
}, 300_000);

afterAll(() => removeHermeticBundle());

describe.each(graphs)('frozen global: graph $name', (graph) => {
  const check = () => checkGraph(graph, native.get(graph.name), hermetic.get(graph.name), { frozenGlobal: true });
  if (graph.meta.knownDifference !== undefined) test.failing(graphTitle(graph), check);
  else test(graphTitle(graph), check);
});
