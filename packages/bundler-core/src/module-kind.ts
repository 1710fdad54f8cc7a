/**
 * Which files are ES modules (JavaScript, or TypeScript/JSX once
 * transpiled), compiled with `compileModuleInPlace`, and which are CommonJS,
 * compiled with `compileCommonJS` and left to the bundler's own CommonJS
 * handling.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

const SCRIPT_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx']);

/** True when `file` has a JavaScript or TypeScript extension. */
export function isScriptFile(file: string): boolean {
  return SCRIPT_EXTENSIONS.has(extname(file));
}

// A statement that starts with a static import or export (not `exports.x`, not `import(`).
const ESM_SYNTAX = /(?:^|[\n;}])\s*(?:import\s*[{*"']|import\s+[\w$]|export\s*[{*]|export\s+(?:default|const|let|var|function|class|async)\b)/;

/** Decides ESM vs CommonJS for one file, as Node and the bundlers would. */
export function isEsModule(file: string, packageType: 'module' | 'commonjs', code?: string): boolean {
  const extension = extname(file);
  if (extension === '.mjs' || extension === '.mts') return true;
  if (extension === '.cjs' || extension === '.cts') return false;
  if (extension === '.ts' || extension === '.tsx' || extension === '.jsx') return true;
  if (packageType === 'module') return true;
  let text = code;
  if (text === undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return false;
    }
  }
  return ESM_SYNTAX.test(text) || /\bimport\.meta\b/.test(text);
}
