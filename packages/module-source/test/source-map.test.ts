import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { compileModule, compileScript } from '../src/index.js';

/** Line (1-based) and column (0-based) of the first occurrence of `needle` in `text`. */
function locate(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length };
}

const source = `import { helper } from './helper.js';
export let counter = 0;

export function bump(step) {
  counter += step;
  const message = 'bumped';
  console.log(message, helper(counter));
  return uniqueMarker;
}
`;

describe('source maps map output positions back to the original text', () => {
  const { code, map } = compileModule(source, { specifier: 'src/counter.js', sourceMap: true });
  const tracer = new TraceMap(map as ConstructorParameters<typeof TraceMap>[0]);
  const back = (inOutput: string) => originalPositionFor(tracer, locate(code, inOutput));

  test('the map is v3 and names the specifier with its content', () => {
    expect(map?.version).toBe(3);
    expect(map?.sources).toEqual(['src/counter.js']);
    expect(map?.sourcesContent).toEqual([source]);
  });

  test.each([
    ["'bumped'"],
    ['uniqueMarker'],
    ['function bump'],
    ['step)'],
  ])('untouched token %s', (needle) => {
    const expected = locate(source, needle);
    const found = back(needle === 'uniqueMarker' ? '$hg.uniqueMarker' : needle);
    expect(found.source).toBe('src/counter.js');
    expect({ line: found.line, column: found.column }).toEqual(expected);
  });

  test('rewritten tokens map to the token they replace', () => {
    const consolePos = back('$hg.console');
    expect({ line: consolePos.line, column: consolePos.column }).toEqual(locate(source, 'console'));
    const helperPos = back('(helper??');
    expect({ line: helperPos.line, column: helperPos.column }).toEqual(locate(source, 'helper(counter)'));
  });

  test('no map unless asked for', () => {
    expect(compileModule(source).map).toBeUndefined();
  });

  test('script records have maps too', () => {
    const script = compileScript('var a = 1;\nfoo(a);', { specifier: 's.js', sourceMap: true });
    const tracer2 = new TraceMap(script.map as ConstructorParameters<typeof TraceMap>[0]);
    const pos = originalPositionFor(tracer2, locate(script.code, '(0, $hg.foo)'));
    expect({ line: pos.line, column: pos.column }).toEqual({ line: 2, column: 0 });
  });
});
