/**
 * Seeded random module graphs for the differential tests: cycles of any
 * shape, async modules (top-level await), named, namespace, bare and
 * `export *` edges, TDZ reads across the graph, hoisted functions called
 * before their module ran, live updates after awaits, and the occasional
 * module that throws. The same seed always gives the same files, so a failing
 * seed is a reproducible case.
 *
 * Files use the `.mjs` extension so that Node treats them as ES modules in a
 * temporary directory without a package.json.
 */

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type EdgeKind = 'named' | 'namespace' | 'bare' | 'star' | 'default' | 'string' | 'reexport' | 'missing';

interface ModulePlan {
  index: number;
  edges: Array<{ to: number; kind: EdgeKind }>;
  awaits: number;
  /** Whether the module defines the global g<i> (and updates it after its awaits). */
  definesGlobal: boolean;
  /** Modules whose global g<j> this module reads (typeof, read, compound write). */
  readsGlobals: number[];
  /** Where the module throws, if it does: before its first await or at the end. */
  throws: 'no' | 'early' | 'late';
}

/** Generates the files of graph `seed`: file name → source text. The entry is `entry.mjs`. */
export function generateRandomGraph(seed: number): Record<string, string> {
  const random = prng(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const count = 2 + Math.floor(random() * 6);
  const kinds: EdgeKind[] = ['named', 'named', 'namespace', 'bare', 'star', 'default', 'string', 'reexport'];
  const plans: ModulePlan[] = [];
  for (let i = 0; i < count; i++) {
    const throws = random() < 0.05 ? (random() < 0.5 ? 'early' : 'late') : 'no';
    plans.push({ index: i, edges: [], awaits: random() < 0.3 ? 1 + Math.floor(random() * 3) : 0, definesGlobal: random() < 0.3, readsGlobals: [], throws });
  }
  for (const plan of plans) {
    for (let j = 0; j < count; j++) if (random() < 0.2) plan.readsGlobals.push(j);
  }
  // A spanning tree from m0 keeps every module reachable; extra edges (any
  // direction) create cycles and diamonds.
  for (let i = 1; i < count; i++) plans[Math.floor(random() * i)]!.edges.push({ to: i, kind: pick(kinds) });
  for (const plan of plans) {
    for (let j = 0; j < count; j++) {
      if (j !== plan.index && random() < 0.25 && !plan.edges.some((e) => e.to === j)) plan.edges.push({ to: j, kind: pick(kinds) });
    }
    // Rarely, a name the target does not export: a link-time SyntaxError.
    if (random() < 0.015) plan.edges.push({ to: Math.floor(random() * count), kind: 'missing' });
    // Shuffle so that import order is random too.
    plan.edges.sort(() => random() - 0.5);
  }
  const files: Record<string, string> = {};
  for (const plan of plans) files[`m${plan.index}.mjs`] = moduleText(plan);
  files['entry.mjs'] = entryText(count, random() < 0.5 ? [0] : [0, Math.floor(random() * count)]);
  return files;
}

function moduleText({ index: i, edges, awaits, definesGlobal, readsGlobals, throws }: ModulePlan): string {
  const lines: string[] = [];
  for (const { to: j, kind } of edges) {
    if (kind === 'named') lines.push(`import { v${j}, f${j} } from './m${j}.mjs';`);
    else if (kind === 'namespace') lines.push(`import * as ns${j} from './m${j}.mjs';`);
    else if (kind === 'bare') lines.push(`import './m${j}.mjs';`);
    else if (kind === 'star') lines.push(`export * from './m${j}.mjs';`);
    else if (kind === 'default') lines.push(`import d${j} from './m${j}.mjs';`);
    else if (kind === 'string') lines.push(`import { "s-${j}" as s${j} } from './m${j}.mjs';`);
    else if (kind === 'reexport') lines.push(`export { v${j} as r${j}_${i}, "s-${j}" as "rs-${j}-${i}" } from './m${j}.mjs';`);
    else lines.push(`import { absent${j} } from './m${j}.mjs';`);
  }
  lines.push(`function read(get) { try { return String(get()); } catch (e) { return 'threw ' + e.constructor.name; } }`);
  lines.push(`__log.push('m${i}:start');`);
  for (const { to: j, kind } of edges) {
    if (kind === 'named') lines.push(`__log.push('m${i} reads v${j}', read(() => v${j}), read(() => f${j}()));`);
    if (kind === 'namespace') lines.push(`__log.push('m${i} ns${j}', read(() => Object.keys(ns${j}).join()), read(() => ns${j}.f${j}()));`);
    if (kind === 'default') lines.push(`__log.push('m${i} default of m${j}', read(() => d${j}()));`);
    if (kind === 'string') lines.push(`__log.push('m${i} s-${j}', read(() => s${j}));`);
  }
  lines.push(`__log.push('m${i} own early', read(() => v${i}), read(() => f${i}()));`);
  if (definesGlobal) lines.push(`globalThis.g${i} = 'g${i}:set by m${i}';`);
  for (const j of readsGlobals) {
    lines.push(`__log.push('m${i} sees g${j}', typeof g${j}, read(() => g${j}), read(() => { g${j} += '+m${i}'; return globalThis.g${j}; }));`);
  }
  lines.push(`export let v${i} = 'v${i}:init';`);
  lines.push(`export { v${i} as "s-${i}" };`);
  if (throws === 'early') lines.push(`if (v${i}) throw new RangeError('m${i} failed early');`);
  for (let k = 0; k < awaits; k++) lines.push(`await null;`, `__log.push('m${i}:after await ${k}');`);
  lines.push(`v${i} = 'v${i}:updated';`);
  if (definesGlobal) lines.push(`g${i} = 'g${i}:updated by m${i}';`);
  if (throws === 'late') lines.push(`throw new RangeError('m${i} failed');`);
  lines.push(`__log.push('m${i}:end');`);
  lines.push(`export function f${i}() { return 'f${i} sees ' + read(() => v${i}); }`);
  lines.push(`export default function () { return 'default of m${i} sees ' + read(() => v${i}); }`);
  return lines.join('\n') + '\n';
}

function entryText(count: number, staticImports: number[]): string {
  const lines = [...new Set(staticImports)].map((i) => `import './m${i}.mjs';`);
  lines.push(`__log.push('entry');`);
  lines.push(`for (let k = 0; k < ${count}; k++) {`);
  lines.push(`  const ns = await import('./m' + k + '.mjs');`);
  lines.push(`  __log.push('final m' + k, Object.keys(ns).join(), ns['v' + k], ns['f' + k]());`);
  lines.push(`}`);
  return lines.join('\n') + '\n';
}
