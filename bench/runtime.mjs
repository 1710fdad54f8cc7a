// Runtime benchmark: start-up and hot-loop cost of @hermetic/runtime against
// Node's own module loader, on the same files.
//
//   npx tsc -b packages/runtime packages/module-source && node bench/runtime.mjs [--runs N]
//
// Start-up: records are compiled ahead of time (not timed) into one file, as
// a bundler would emit them; each measurement is a fresh child process that
// imports that file, then loads, links and evaluates the graph in a
// Compartment; the native side is a fresh child doing `import()` of the
// original files. Hot loop: a Math-heavy function run natively and inside a
// compartment whose global is frozen, then unfrozen. Medians are printed with
// the ratio Hermetic / native.
//
// Both start-up children are in the same state when their timer starts: the
// runtime is imported (so Node's ESM loader is warm on both sides) and nothing
// is cached: Node 20 has no compile cache for ES modules, each run is a fresh
// process, and both sides load their files through the same `import()`. The
// Hermetic side does more, not less: it also builds a Compartment and grants
// it the host's globals. Its records come in one file (as a bundler emits
// them) where the native side reads three.module.js and three.core.js.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const runtimeEntry = path.join(repo, 'packages/runtime/dist/index.js');
const compilerEntry = path.join(repo, 'packages/module-source/dist/index.js');
const work = path.join(tmpdir(), 'hermetic-bench-runtime');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// ---------------------------------------------------------------- child modes
const HOT_LOOP = `export function run(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.sin(i) * Math.sqrt(i) + Math.floor(Math.abs(Math.cos(i)) * 10) + Math.max(i & 7, 3);
  return s;
}`;
const HOT_N = 5_000_000;

/** Wall-clock and CPU milliseconds since a start mark (CPU time is steadier on a shared machine). */
const mark = () => ({ wall: performance.now(), cpu: process.cpuUsage() });
const since = (start) => {
  const cpu = process.cpuUsage(start.cpu);
  return [performance.now() - start.wall, (cpu.user + cpu.system) / 1000];
};

async function childNative(entry) {
  // The same state as the Hermetic child when its timer starts: the runtime
  // imported (unused here). That first import() also warms Node's ESM loader
  // (its internal modules, the file-reading path), which would otherwise be
  // timed on the native side only: ~15 ms wall, ~6 ms CPU on three.js.
  await import(pathToFileURL(runtimeEntry).href);
  const t0 = mark();
  await import(pathToFileURL(entry).href);
  return since(t0);
}

async function childHermetic(bundle, entry) {
  // The runtime itself is loaded before timing starts (a deployment bundles
  // it with the app; its own load time is printed separately).
  const { Compartment, ModuleSource } = await import(pathToFileURL(runtimeEntry).href);
  const t0 = mark();
  const records = (await import(pathToFileURL(bundle).href)).default;
  const compartment = new Compartment({
    loadNowHook: (specifier) => ({ source: new ModuleSource(records[specifier]) }),
  });
  // Grant the host's other globals (console, AbortController, …), as a permissive policy would.
  const g = compartment.globalThis;
  // Descriptors, not values: reading Node's lazy globals (fetch, …) would load undici.
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (!(name in g)) Object.defineProperty(g, name, Object.getOwnPropertyDescriptor(globalThis, name));
  }
  g.self = g; // lodash-es finds its global through `self`
  await compartment.import(entry);
  return since(t0);
}

/** Records as one file each, fetched by an async loadHook with `import()` (no bundling advantage). */
async function childHermeticFiles(dir, entry) {
  const { Compartment, ModuleSource } = await import(pathToFileURL(runtimeEntry).href);
  const t0 = mark();
  const compartment = new Compartment({
    loadHook: async (specifier) => ({ source: new ModuleSource((await import(pathToFileURL(path.join(dir, `${specifier}.mjs`)).href)).default) }),
  });
  const g = compartment.globalThis;
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (!(name in g)) Object.defineProperty(g, name, Object.getOwnPropertyDescriptor(globalThis, name));
  }
  g.self = g;
  await compartment.import(entry);
  return since(t0);
}

function timeHotLoop(run) {
  for (let i = 0; i < 5; i++) run(HOT_N / 10); // warm up
  const t0 = mark();
  run(HOT_N);
  return since(t0);
}

async function childHot(mode, recordFile, nativeFile) {
  if (mode === 'native') return timeHotLoop((await import(pathToFileURL(nativeFile).href)).run);
  const { Compartment, ModuleSource } = await import(pathToFileURL(runtimeEntry).href);
  const record = (await import(pathToFileURL(recordFile).href)).default;
  const compartment = new Compartment({ modules: { hot: { source: new ModuleSource(record) } } });
  if (mode === 'frozen') Object.freeze(compartment.globalThis);
  return timeHotLoop((await compartment.import('hot')).run);
}

if (process.argv[2] === '--child') {
  const [kind, ...args] = process.argv.slice(3);
  const children = { native: childNative, hermetic: childHermetic, 'hermetic-files': childHermeticFiles, hot: childHot };
  const ms = await children[kind](...args);
  process.stdout.write(JSON.stringify(ms));
  process.exit(0);
}

// ----------------------------------------------------------------- preparation
if (!existsSync(runtimeEntry) || !existsSync(compilerEntry)) {
  console.error('Build first: npx tsc -b packages/runtime packages/module-source');
  process.exit(1);
}
const { compileModule } = await import(pathToFileURL(compilerEntry).href);
mkdirSync(work, { recursive: true });

/** Compiles every file into one ES module `export default { "./file.js": record, … }`. */
function writeRecordBundle(name, dir, files) {
  const t0 = performance.now();
  const entries = files.map((file) => {
    const { code } = compileModule(readFileSync(path.join(dir, file), 'utf8'), { format: 'expression', specifier: file });
    return `${JSON.stringify(`./${file}`)}: ${code}`;
  });
  const bundle = path.join(work, `${name}.records.mjs`);
  writeFileSync(bundle, `export default {\n${entries.join(',\n')}\n};\n`);
  return { bundle, compileMs: performance.now() - t0 };
}

function runChild(args) {
  return JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', ...args], { encoding: 'utf8', maxBuffer: 1 << 24 }));
}

const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 7;

function compare(label, nativeArgs, hermeticArgs, target) {
  const native = [];
  const hermetic = [];
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so drift in machine load hits both sides alike.
    native.push(runChild(nativeArgs));
    hermetic.push(runChild(hermeticArgs));
  }
  const [nWall, nCpu] = [0, 1].map((k) => median(native.map((r) => r[k])));
  const [hWall, hCpu] = [0, 1].map((k) => median(hermetic.map((r) => r[k])));
  const ratio = hWall / nWall;
  const cpuRatio = hCpu / nCpu;
  const verdict = ratio <= target && cpuRatio <= target ? 'ok' : ratio <= target ? 'cpu MISSED' : cpuRatio <= target ? 'wall MISSED (cpu ok)' : 'MISSED';
  console.log(
    `${label.padEnd(32)} wall ${nWall.toFixed(1).padStart(7)} → ${hWall.toFixed(1).padStart(7)} ms ${ratio.toFixed(2)}x | cpu ${nCpu.toFixed(1).padStart(7)} → ${hCpu.toFixed(1).padStart(7)} ms ${cpuRatio.toFixed(2)}x | target ≤ ${target}x ${verdict}`,
  );
  return { label, native: { wall: nWall, cpu: nCpu }, hermetic: { wall: hWall, cpu: hCpu }, ratio, cpuRatio, target };
}

/** How long importing the built runtime itself takes (not part of the start-up figures). */
function runtimeLoadMs() {
  const code = `const t=performance.now();await import(${JSON.stringify(pathToFileURL(runtimeEntry).href)});process.stdout.write(String(performance.now()-t))`;
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' })));
  return median(times);
}

const three = path.join(repo, 'node_modules/three/build');
const lodash = path.join(repo, 'node_modules/lodash-es');
const threeRecords = writeRecordBundle('three', three, ['three.module.js', 'three.core.js']);
const lodashFiles = readdirSync(lodash).filter((f) => f.endsWith('.js'));
const lodashRecords = writeRecordBundle('lodash', lodash, lodashFiles);
/** The same records, one `.mjs` file per module (named after its full specifier). */
function writeRecordFiles(name, dir, files) {
  const out = path.join(work, `${name}.records`);
  mkdirSync(out, { recursive: true });
  for (const file of files) {
    const { code } = compileModule(readFileSync(path.join(dir, file), 'utf8'), { specifier: file });
    writeFileSync(path.join(out, `./${file}.mjs`), code);
  }
  return out;
}
const lodashRecordFiles = writeRecordFiles('lodash', lodash, lodashFiles);
const hotNative = path.join(work, 'hot.mjs');
writeFileSync(hotNative, HOT_LOOP);
const hotRecord = path.join(work, 'hot.record.mjs');
writeFileSync(hotRecord, compileModule(HOT_LOOP, { specifier: 'hot.js' }).code);

console.log(`Node ${process.version}, median of ${RUNS} fresh child processes each (compile time excluded:`);
console.log(`  three.js ${threeRecords.compileMs.toFixed(0)} ms, lodash-es ${lodashFiles.length} modules ${lodashRecords.compileMs.toFixed(0)} ms;`);
console.log(`  loading the built runtime itself, from dist/ as separate files: ${runtimeLoadMs().toFixed(1)} ms, not counted)`);
console.log('native → hermetic, medians:');
const results = [
  compare('start-up three.js', ['native', path.join(three, 'three.module.js')], ['hermetic', threeRecords.bundle, './three.module.js'], 1.15),
  compare(`start-up lodash-es (${lodashFiles.length} modules)`, ['native', path.join(lodash, 'lodash.js')], ['hermetic', lodashRecords.bundle, './lodash.js'], 1.15),
  compare('  same, one record file per module', ['native', path.join(lodash, 'lodash.js')], ['hermetic-files', lodashRecordFiles, './lodash.js'], 1.15),
  compare('hot loop, frozen global', ['hot', 'native', hotRecord, hotNative], ['hot', 'frozen', hotRecord, hotNative], 1.05),
  compare('hot loop, unfrozen global', ['hot', 'native', hotRecord, hotNative], ['hot', 'unfrozen', hotRecord, hotNative], 1.5),
];
if (process.argv.includes('--json')) console.log(JSON.stringify(results));
