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

// Where a static import or export can start: `import`/`export` as a word, checked further by
// STATEMENT_START (what precedes it) and ESM_STATEMENT (what follows). One literal search over
// the text instead of a pattern tried at every position: react-dom's 625 KB are all CommonJS.
const KEYWORD = /\b(?:import|export)\b/g;
// After the keyword: a static import or export (not `exports.x`, not `import(`).
const ESM_STATEMENT = /import\s*[{*"']|import\s+[\w$]|export\s*[{*]|export\s+(?:default|const|let|var|function|class|async)\b/y;
const WHITESPACE = /\s/;

/** True when the keyword at `index` starts a statement: first in the text, on a new line, or after `;` or `}`. */
function startsStatement(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && WHITESPACE.test(text[i])) {
    if (text[i] === '\n') return true;
    i -= 1;
  }
  return i < 0 || text[i] === ';' || text[i] === '}';
}

/** True when `text` has a statement that starts with a static import or export, or uses `import.meta`. */
export function hasModuleSyntax(text: string): boolean {
  KEYWORD.lastIndex = 0;
  for (let match = KEYWORD.exec(text); match !== null; match = KEYWORD.exec(text)) {
    if (!startsStatement(text, match.index)) continue;
    ESM_STATEMENT.lastIndex = match.index;
    if (ESM_STATEMENT.test(text)) return true;
  }
  return /\bimport\.meta\b/.test(text);
}

/**
 * ESM or CommonJS for `file` from its extension and its package's `type`
 * alone; `undefined` when only its text can tell (a `.js` file of a package
 * without `"type": "module"`).
 */
export function moduleKindByName(file: string, packageType: 'module' | 'commonjs'): boolean | undefined {
  const extension = extname(file);
  if (extension === '.mjs' || extension === '.mts') return true;
  if (extension === '.cjs' || extension === '.cts') return false;
  if (extension === '.ts' || extension === '.tsx' || extension === '.jsx') return true;
  if (packageType === 'module') return true;
  return undefined;
}

/** Decides ESM vs CommonJS for one file, as Node and the bundlers would. */
export function isEsModule(file: string, packageType: 'module' | 'commonjs', code?: string): boolean {
  const byName = moduleKindByName(file, packageType);
  if (byName !== undefined) return byName;
  let text = code;
  if (text === undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return false;
    }
  }
  return hasModuleSyntax(text);
}
