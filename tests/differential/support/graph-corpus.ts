/**
 * The differential corpus: every directory of test-fixtures/graphs with an
 * entry.js and a graph.json describing it.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

/** Root of the corpus. */
export const GRAPHS_DIR = path.resolve(__dirname, '../../../test-fixtures/graphs');

/** What graph.json says about a graph. */
export interface GraphMeta {
  description: string;
  /** CONFORMANCE.md item numbers the graph exercises. */
  conformance: number[];
  /** Facts about the native outcome, checked so a mis-written graph cannot pass silently. */
  expect: { status: 'fulfilled' | 'rejected'; error?: string; bodyRanBeforeError?: boolean };
  /** Substrings the rejection message must contain on both sides (names of the binding involved). */
  errorMessageIncludes?: string[];
  /**
   * A difference from native behaviour that is known, reported and owned by
   * someone else: the graph's test is `test.failing`, so CI stays green while
   * the difference exists and turns red the moment it is fixed (then delete
   * this field). Say what differs and whose code causes it.
   */
  knownDifference?: string;
}

/** One graph of the corpus. */
export interface Graph {
  name: string;
  dir: string;
  entry: string;
  meta: GraphMeta;
}

function readMeta(dir: string): GraphMeta {
  const file = path.join(dir, 'graph.json');
  const meta = JSON.parse(readFileSync(file, 'utf8')) as Partial<GraphMeta>;
  if (typeof meta.description !== 'string' || !Array.isArray(meta.conformance) || typeof meta.expect?.status !== 'string') {
    throw new Error(`${file}: graph.json needs "description", "conformance" (item numbers) and "expect": { "status" }`);
  }
  return meta as GraphMeta;
}

/** Lists the corpus, sorted by name. */
export function listGraphs(): Graph[] {
  return readdirSync(GRAPHS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(GRAPHS_DIR, d.name, 'entry.js')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = path.join(GRAPHS_DIR, name);
      return { name, dir, entry: path.join(dir, 'entry.js'), meta: readMeta(dir) };
    });
}
