test('native import() of ES modules works under Jest', async () => {
  const _ = await import('lodash-es');
  expect(_.chunk([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
});
