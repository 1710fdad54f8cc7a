import { corpus } from './differential-corpus.js';
import { runNative, runCompiled } from './support/differential.js';

describe('compiled records behave like native modules (differential)', () => {
  for (const graph of corpus) {
    test(graph.name, async () => {
      const entry = graph.entry ?? 'main.js';
      const native = await runNative(graph.files, entry);
      const compiled = await runCompiled(graph.files, entry);
      expect(compiled).toEqual(native);
    });
  }
});
