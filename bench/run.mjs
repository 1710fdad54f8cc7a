// Runs every benchmark in turn, each in its own Node process, after building
// the packages. Each one prints ratios against the peers it measured in the
// same process run, so a noisy machine shifts both sides alike.
//
//   npm run bench              # all
//   npm run bench -- compile   # only bench/compile.mjs
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const all = ['compile', 'runtime', 'runtime-size', 'bundle'];
const wanted = process.argv.slice(2).filter((name) => !name.startsWith('-'));
const names = wanted.length > 0 ? wanted : all;

for (const name of names) {
  if (!all.includes(name)) {
    console.error(`bench: unknown benchmark '${name}'; choose from ${all.join(', ')}`);
    process.exit(2);
  }
}
execFileSync('npx', ['tsc', '-b'], { cwd: repo, stdio: 'inherit' });
let failed = 0;
for (const name of names) {
  console.log(`\n=== bench/${name}.mjs ===`);
  try {
    execFileSync(process.execPath, [path.join(here, `${name}.mjs`)], { cwd: repo, stdio: 'inherit' });
  } catch {
    failed += 1;
    console.error(`bench/${name}.mjs failed`);
  }
}
process.exit(failed > 0 ? 1 : 0);
