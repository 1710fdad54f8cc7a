/**
 * Seeded random module graphs (support/random-graph.ts) run natively and
 * through Hermetic: cycles, top-level await, TDZ, hoisting, export * and
 * failures in combinations nobody wrote by hand. Seeds are fixed, so every
 * test is reproducible; a failing seed prints its files.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateRandomGraph } from './support/random-graph.js';
import { runNative } from './support/run-native.js';
import { runPool } from './support/run-pool.js';
import { runHermeticBatch, removeHermeticBundle } from './support/run-hermetic-child.js';
import { expectSameOutcome } from './support/expect-same-outcome.js';
import type { Outcome } from './support/observe.mjs';

// 150 seeds in CI; set HERMETIC_RANDOM_GRAPHS=<n> (and HERMETIC_RANDOM_GRAPHS_FROM=<first seed>) to hunt locally.
const COUNT = Number(process.env.HERMETIC_RANDOM_GRAPHS ?? 150);
const FROM = Number(process.env.HERMETIC_RANDOM_GRAPHS_FROM ?? 1);
const SEEDS = Array.from({ length: COUNT }, (_, i) => i + FROM);

let root: string;
const entries = new Map<number, string>();
const sources = new Map<number, Record<string, string>>();
const native = new Map<number, Outcome | Error>();
const hermetic = new Map<number, Outcome>();

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'hermetic-random-graphs-'));
  for (const seed of SEEDS) {
    const dir = path.join(root, `seed-${seed}`);
    mkdirSync(dir);
    const files = generateRandomGraph(seed);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    entries.set(seed, path.join(dir, 'entry.mjs'));
    sources.set(seed, files);
  }
  // Both sides in child processes: a runtime bug that throws inside a promise
  // job becomes an unhandled rejection recorded for its graph, not a crash.
  const files = SEEDS.map((seed) => entries.get(seed)!);
  // Node itself can die on a graph (Node 20's V8 hits a CHECK failure in
  // ExecuteAsyncModule for the shape of tc39/ecma262#3766); such a seed fails
  // with Node's message instead of taking the others down.
  const [nativeOutcomes, hermeticOutcomes] = await Promise.all([
    runPool(files, 2, (file) => runNative(file).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))),
    runHermeticBatch(files),
  ]);
  SEEDS.forEach((seed, i) => {
    native.set(seed, nativeOutcomes[i]!);
    hermetic.set(seed, hermeticOutcomes[i]!);
  });
}, 300_000);

afterAll(async () => {
  if (root) rmSync(root, { recursive: true, force: true });
  await removeHermeticBundle();
});

test('the generator is deterministic and varied (cycles, async modules, failures all occur)', () => {
  expect(generateRandomGraph(7)).toEqual(generateRandomGraph(7));
  const all = SEEDS.map((seed) => Object.values(sources.get(seed)!).join('\n'));
  expect(all.filter((text) => text.includes('await null')).length).toBeGreaterThan(20);
  expect(all.filter((text) => text.includes('export *')).length).toBeGreaterThan(20);
  const outcomes = SEEDS.map((seed) => native.get(seed)!).filter((o): o is Outcome => !(o instanceof Error));
  expect(outcomes.filter((o) => o.status === 'rejected').length).toBeGreaterThan(3);
  expect(outcomes.filter((o) => o.log.some((entry) => typeof entry === 'string' && entry.includes('threw ReferenceError'))).length).toBeGreaterThan(20);
});

test.each(SEEDS)('random graph seed %i', (seed) => {
  const nativeOutcome = native.get(seed)!;
  if (nativeOutcome instanceof Error) throw new Error(`no native reference for seed ${seed}: ${nativeOutcome.message}`);
  try {
    expectSameOutcome(hermetic.get(seed)!, nativeOutcome);
  } catch (error) {
    const files = Object.entries(sources.get(seed)!).map(([name, text]) => `// ${name}\n${text}`).join('\n');
    if (error instanceof Error) error.message = `${error.message}\n\nGraph (seed ${seed}):\n${files}`;
    throw error;
  }
});
