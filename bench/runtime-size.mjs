/**
 * Size of @hermetic/runtime as an application ships it: each public export
 * bundled alone, then all of them together, by esbuild (--minify, ESM,
 * tree-shaken from the TypeScript sources), then gzip -9.
 *
 *   node bench/runtime-size.mjs [--json]
 */
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = path.join(ROOT, 'packages/runtime/src/index.ts');
const EXPORTS = ['ModuleSource', 'Module', 'Compartment', 'Evaluators', 'Global', 'hermeticEval', 'spawn', 'installCompiler', 'runScriptRecord'];
/** Export sets bundles actually use: the bundler plugins' bootstrap imports Compartment and ModuleSource. */
const GROUPS = [['Compartment', 'ModuleSource']];

async function measure(contents) {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: 'entry.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, warnings: result.warnings.length };
}

const rows = [];
for (const name of EXPORTS) rows.push({ export: name, ...(await measure(`export { ${name} } from ${JSON.stringify(ENTRY)};`)) });
for (const names of GROUPS) rows.push({ export: names.join(' + '), ...(await measure(`export { ${names.join(', ')} } from ${JSON.stringify(ENTRY)};`)) });
rows.push({ export: '(all)', ...(await measure(`export * from ${JSON.stringify(ENTRY)};`)) });

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log('export                       min        min+gzip   warnings');
  for (const r of rows) console.log(`${r.export.padEnd(28)} ${kb(r.min).padStart(9)}  ${kb(r.gzip).padStart(9)}   ${r.warnings}`);
}
