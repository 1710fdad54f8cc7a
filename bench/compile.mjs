// Compile-time benchmark of @hermetic/module-source (issue 2): three.js's
// build/three.module.js and every lodash-es module, against @endo/module-source's
// `new ModuleSource(text)` and a bare @babel/parser parse, in one process.
// Prints medians and ratios (of CPU time), plus gzip sizes of the records vs the input.
// Run after `npx tsc -b packages/module-source`.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { fileURLToPath } from 'node:url';
import { parse } from '@babel/parser';
import { ModuleSource as EndoModuleSource } from '@endo/module-source';
import { compileModule } from '../packages/module-source/dist/index.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const threeFile = path.join(root, 'node_modules/three/build/three.module.js');
const lodashDir = path.join(root, 'node_modules/lodash-es');

const inputs = {
  'three.module.js': [{ name: 'three.module.js', text: readFileSync(threeFile, 'utf8') }],
  'lodash-es (all files)': readdirSync(lodashDir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => ({ name: `lodash-es/${f}`, text: readFileSync(path.join(lodashDir, f), 'utf8') })),
};

const rounds = Number(process.env.ROUNDS ?? 11);
const contenders = {
  hermetic: (file) => compileModule(file.text, { specifier: file.name }),
  endo: (file) => new EndoModuleSource(file.text, file.name),
  'babel parse': (file) => parse(file.text, { sourceType: 'module' }),
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// CPU time of this process (user + system, ms): on a shared machine it is far
// less disturbed by other processes than wall time, which is printed too.
function timeOnce(run, files) {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (const file of files) run(file);
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000, wall: Number(process.hrtime.bigint() - wall) / 1e6 };
}

const gz = (text) => gzipSync(text, { level: 9 }).length;

for (const [label, files] of Object.entries(inputs)) {
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  console.log(`\n${label}: ${files.length} file(s), ${(bytes / 1024).toFixed(0)} KB`);
  const medians = {};
  for (const [name, run] of Object.entries(contenders)) timeOnce(run, files); // warm-up
  for (const [name, run] of Object.entries(contenders)) timeOnce(run, files);
  const samples = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    // Interleave contenders so that machine noise hits them alike.
    for (const [name, run] of Object.entries(contenders)) samples[name].push(timeOnce(run, files));
  }
  for (const name of Object.keys(contenders)) {
    medians[name] = median(samples[name].map((sample) => sample.cpu));
    const wall = median(samples[name].map((sample) => sample.wall));
    console.log(`  ${name.padEnd(12)} ${medians[name].toFixed(1).padStart(8)} ms CPU, ${wall.toFixed(1).padStart(8)} ms wall (medians of ${rounds})`);
  }
  console.log(`  endo / hermetic (CPU)        ${(medians.endo / medians.hermetic).toFixed(2)}x  (target >= 4)`);
  console.log(`  hermetic / babel parse (CPU) ${(medians.hermetic / medians['babel parse']).toFixed(2)}x  (target <= 3)`);

  const outputs = files.map((f) => compileModule(f.text, { specifier: f.name }).code);
  const inConcat = gz(files.map((f) => f.text).join('\n'));
  const outConcat = gz(outputs.join('\n'));
  const inSum = files.reduce((n, f) => n + gz(f.text), 0);
  const outSum = outputs.reduce((n, o) => n + gz(o), 0);
  console.log(`  gzip bundle (concatenated): in ${inConcat} B, out ${outConcat} B, ${(outConcat / inConcat).toFixed(3)}x (target <= 1.10)`);
  if (files.length > 1) {
    console.log(`  gzip summed per file:       in ${inSum} B, out ${outSum} B, ${(outSum / inSum).toFixed(3)}x`);
  }
}
