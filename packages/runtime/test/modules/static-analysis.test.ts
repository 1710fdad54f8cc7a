/**
 * analyzeBindings: the proposal's binding shapes → ParseModule's entry lists
 * (CONFORMANCE items 3, 21), and the SyntaxErrors for malformed entries.
 */
import type { Binding } from '../../src/record-types.js';
import { analyzeBindings } from '../../src/static-analysis.js';

const analyze = (bindings: unknown[]): ReturnType<typeof analyzeBindings> => analyzeBindings(bindings as Binding[], 'm.js');

describe('analyzeBindings', () => {
  test('items 3, 21: requests in order of first appearance, imports, local, indirect and star exports', () => {
    const analysis = analyze([
      { import: 'default', as: 'a', from: './a.js' },
      { importAllFrom: './b.js', as: 'ns' },
      { importFrom: './c.js' },
      { import: 'x', from: './a.js', attributes: { type: 'json' } },
      { export: 'local' },
      { export: 'local', as: 'alias' },
      { export: 'a', as: 'reA' }, // an import exported: indirect
      { export: 'ns' }, // a namespace import exported: stays local
      { export: 'y', from: './d.js' },
      { exportAllFrom: './e.js' },
      { exportAllFrom: './f.js', as: 'f' },
    ]);
    expect(analysis.requests.map((r) => [r.specifier, r.attributes])).toEqual([
      ['./a.js', {}], ['./b.js', {}], ['./c.js', {}], ['./a.js', { type: 'json' }], ['./d.js', {}], ['./e.js', {}], ['./f.js', {}],
    ]);
    expect(analysis.imports.map((e) => [e.request.specifier, e.importName, e.localName])).toEqual([
      ['./a.js', 'default', 'a'], ['./b.js', '*', 'ns'], ['./a.js', 'x', 'x'],
    ]);
    expect(analysis.localExports).toEqual([
      { exportName: 'local', localName: 'local' }, { exportName: 'alias', localName: 'local' }, { exportName: 'ns', localName: 'ns' },
    ]);
    expect(analysis.indirectExports.map((e) => [e.exportName, e.request.specifier, e.importName])).toEqual([
      ['y', './d.js', 'y'], ['f', './f.js', '*'], ['reA', './a.js', 'default'],
    ]);
    expect(analysis.starExports.map((r) => r.specifier)).toEqual(['./e.js']);
    expect([...analysis.exportsByName.keys()]).toEqual(['local', 'alias', 'ns', 'y', 'f', 'reA']);
  });

  test('an entry is read as the first of import, importAllFrom, importFrom, exportAllFrom, export that it has', () => {
    const analysis = analyze([{ export: 'e', import: 'i', from: './a.js' }, { exportAllFrom: './b.js', export: 'x' }]);
    expect(analysis.imports.map((e) => e.importName)).toEqual(['i']);
    expect(analysis.starExports.map((r) => r.specifier)).toEqual(['./b.js']);
    expect(analysis.exportsByName.size).toBe(0);
  });

  test('malformed entries are SyntaxErrors naming the module and the entry', () => {
    const cases: Array<[unknown, RegExp]> = [
      [null, /An entry must be an object in the bindings of m\.js: null/],
      [{ export: 1 }, /`export` must be a string in the bindings of m\.js: \{"export":1\}/],
      [{ export: undefined, as: 'x' }, /`export` must be a string/],
      [{ export: 'x', as: 2 }, /`as` must be a string/],
      [{ export: 'x', from: 3 }, /`from` must be a string/],
      [{ import: 'x' }, /`from` must be a string/],
      [{ import: 2, from: './a.js' }, /`import` must be a string/],
      [{ import: 'x', from: './a.js', as: null }, /`as` must be a string/],
      [{ importAllFrom: './a.js' }, /`as` must be a string/],
      [{ importFrom: 4 }, /`importFrom` must be a string/],
      [{ exportAllFrom: './a.js', as: 5 }, /`as` must be a string/],
      [{ reexport: 'x' }, /Unknown binding entry in the bindings of m\.js: \{"reexport":"x"\}/],
    ];
    for (const [entry, message] of cases) {
      expect(() => analyze([entry])).toThrow(SyntaxError);
      expect(() => analyze([entry])).toThrow(message);
    }
  });

  test('item 21: duplicate export names are SyntaxErrors, across local, indirect and namespace re-exports', () => {
    expect(() => analyze([{ export: 'a' }, { export: 'b', as: 'a' }])).toThrow(/Duplicate export 'a' in the bindings of m\.js/);
    expect(() => analyze([{ export: 'a' }, { export: 'a', from: './x.js' }])).toThrow(/Duplicate export 'a'/);
    expect(() => analyze([{ exportAllFrom: './x.js', as: 'a' }, { export: 'a' }])).toThrow(/Duplicate export 'a'/);
    expect(() => analyze([{ import: 'i', from: './x.js' }, { export: 'i', as: 'a' }, { export: 'a' }])).toThrow(/Duplicate export 'a'/);
  });
});
