/**
 * The whole corpus again with a frozen global object on both sides: Node's
 * global frozen before the import, the compartment's `globalThis` frozen
 * before `compartment.import`. This drives the record format's frozen-global
 * path (globals read once into data properties, absent names as throwing
 * accessors), which must be indistinguishable from native too. Graphs that
 * add globals now fail, natively and in Hermetic alike, at the same point.
 */
import { listGraphs } from './support/graph-corpus.js';
import { checkGraph, graphTitle } from './support/check-graph.js';

const graphs = listGraphs();

describe.each(graphs)('frozen global: graph $name', (graph) => {
  if (graph.meta.knownDifference !== undefined) {
    test.failing(graphTitle(graph), () => checkGraph(graph, { frozenGlobal: true }));
  } else {
    test(graphTitle(graph), () => checkGraph(graph, { frozenGlobal: true }));
  }
});
