/**
 * Pruning the compiler's character-level source maps to token starts: every
 * token of the compiled text (as a JavaScript parser splits it) still maps to
 * exactly the same original position, while the segments on white space and
 * inside words, which no bundler looks up, are gone.
 */
import { parse } from '@babel/parser';
import { TraceMap, decodedMappings, originalPositionFor } from '@jridgewell/trace-mapping';
import { compileCommonJS, compileModule, type SourceMapV3 } from '@hermetic/module-source';
import { pruneNonTokenSegments } from '../src/prune-source-map.js';

const COMMONJS = [
  `'use strict';`,
  `function findOwner(fiber) {`,
  `    if (fiber === null) throw new Error("no fiber: " + fiber);`,
  `    const owner = fiber.return ?? document.body;`,
  `    return owner.tag >= 0x1f ? owner : window.fallback;`,
  `}`,
  `exports.findOwner = findOwner;`,
  ``,
].join('\n');

const MODULE = [
  `import { helper } from './helper.js';`,
  `export const total = (items) => items.reduce((sum, item) => sum + helper(item.value), 0);`,
  `export default class Counter {`,
  `    #count = 0;`,
  `    increment() { return ++this.#count + performance.now(); }`,
  `}`,
  ``,
].join('\n');

function segmentCount(map: SourceMapV3): number {
  return decodedMappings(new TraceMap(map as never)).reduce((sum, line) => sum + line.length, 0);
}

function expectTokensMapAlike(code: string, map: SourceMapV3, sourceType: 'script' | 'module'): void {
  const pruned = pruneNonTokenSegments(map, code);
  expect(segmentCount(pruned)).toBeLessThan(segmentCount(map) * 0.75);
  const full = new TraceMap(map as never);
  const small = new TraceMap(pruned as never);
  const ast = parse(code, { sourceType, tokens: true, errorRecovery: false, allowReturnOutsideFunction: true });
  const tokens = ast.tokens as Array<{ loc: { start: { line: number; column: number } } }>;
  expect(tokens.length).toBeGreaterThan(50);
  for (const token of tokens) {
    const at = { line: token.loc.start.line, column: token.loc.start.column };
    expect({ at, ...originalPositionFor(small, at) }).toEqual({ at, ...originalPositionFor(full, at) });
  }
}

test('a compiled CommonJS body: every token start maps as before, with far fewer segments', () => {
  const compiled = compileCommonJS(COMMONJS, { specifier: '/pkg/index.js', sourceMap: true, preserve: [], scopePrelude: () => '' });
  expect(compiled.map).toBeDefined();
  expectTokensMapAlike(compiled.code, compiled.map!, 'script');
});

test('a compiled ES module record: every token start maps as before, with far fewer segments', () => {
  const compiled = compileModule(MODULE, { specifier: '/app/main.js', sourceMap: true, format: 'expression' });
  expect(compiled.map).toBeDefined();
  expectTokensMapAlike(compiled.code, compiled.map!, 'script');
});
