/**
 * shiftMappings: after text on a line of the output is replaced, every
 * segment at or after a replacement's end moves by the change in length, the
 * others keep their columns, and no other field or line changes.
 */
import { TraceMap, decodedMappings, encodedMappings } from '@jridgewell/trace-mapping';
import { shiftMappings } from '../src/shift-mappings.js';

type Segment = [number] | [number, number, number, number] | [number, number, number, number, number];

function encode(lines: Segment[][]): string {
  return encodedMappings(new TraceMap({ version: 3, sources: ['a.js', 'b.js'], names: ['n'], mappings: lines } as never));
}

function decode(mappings: string): Segment[][] {
  return decodedMappings(new TraceMap({ version: 3, sources: ['a.js', 'b.js'], names: ['n'], mappings })) as Segment[][];
}

test('segments after a replacement move by its change in length; earlier ones and other lines stay; inner ones stay inside the new text', () => {
  // Line 1: the first placeholder spans columns 2–8, the second 15–21.
  const before = 'ab\nx("__P__")+y;z("__P__")+w\nq';
  const first = before.indexOf('"__P__"');
  const second = before.indexOf('"__P__"', first + 1);
  const lines: Segment[][] = [
    [[0, 0, 0, 0], [1, 1, 3, 4, 0]],
    [[0, 0, 1, 0], [2, 0, 1, 2], [4, 0, 1, 5], [9, 1, 7, 1], [10, 0, 2, 0], [16, 0, 2, 9], [21, 1, 0, 0], [22, 0, 3, 3]],
    [[0, 1, 9, 9]],
  ];
  const edits = [
    { offset: first, removed: 7, inserted: 1007 },
    { offset: second, removed: 7, inserted: 3 },
  ];
  const shifted = decode(shiftMappings(encode(lines), before, edits));
  expect(shifted[0]).toEqual(lines[0]);
  expect(shifted[2]).toEqual(lines[2]);
  expect(shifted[1]).toEqual([
    [0, 0, 1, 0], [2, 0, 1, 2], [4, 0, 1, 5], [1009, 1, 7, 1], [1010, 0, 2, 0], [1016, 0, 2, 9], [1017, 1, 0, 0], [1018, 0, 3, 3],
  ]);
});

test('no edits leave the mappings untouched, and a line without segments stays empty', () => {
  const mappings = encode([[[0, 0, 0, 0]], [], [[3, 1, 2, 3]]]);
  expect(shiftMappings(mappings, 'a\nb\nc', [])).toBe(mappings);
  expect(shiftMappings(mappings, 'a\n"__P__"\nc', [{ offset: 2, removed: 7, inserted: 50 }])).toBe(mappings);
});
