// Exercises lodash-es through its default export (lodash.js, the chainable
// wrapper) and named per-function modules. Run natively and through Hermetic
// by tests/differential/packages.test.ts; results must match. Nothing here
// compiles code at run time (template() is in lodash-template.js), so the
// script also runs on the compiler-less (CSP) runtime.
import _ from 'lodash-es';
import { chunk, debounce, memoize, curry, partial, flow, cloneDeep, isEqual, merge, get, set } from 'lodash-es';
import camelCase from 'lodash-es/camelCase.js';

const users = [
  { user: 'barney', age: 36, active: true, tags: ['a', 'b'] },
  { user: 'fred', age: 40, active: false, tags: ['b'] },
  { user: 'pebbles', age: 1, active: true, tags: [] },
];

export const results = {
  version: _.VERSION,
  chunk: chunk(['a', 'b', 'c', 'd', 'e'], 2),
  compact: _.compact([0, 1, false, 2, '', 3, null, NaN, undefined]),
  difference: _.difference([2, 1, 5], [2, 3]),
  flattenDeep: _.flattenDeep([1, [2, [3, [4]], 5]]),
  uniqBy: _.uniqBy([2.1, 1.2, 2.3], Math.floor),
  zipObject: _.zipObject(['a', 'b'], [1, 2]),
  groupBy: _.groupBy(['one', 'two', 'three'], 'length'),
  keyBy: _.keyBy(users, 'user'),
  sortBy: _.sortBy(users, ['age']).map((u) => u.user),
  orderBy: _.orderBy(users, ['active', 'age'], ['desc', 'asc']).map((u) => u.user),
  partition: _.partition(users, 'active').map((group) => group.map((u) => u.user)),
  filterMatches: _.filter(users, { age: 36, active: true }).map((u) => u.user),
  findProperty: _.find(users, 'active').user,
  mapProperty: _.map(users, 'tags.length'),
  chainWrapper: _(users).filter('active').map('user').join(' & '),
  chainExplicit: _.chain(users).sortBy('age').map((u) => `${u.user} is ${u.age}`).head().value(),
  chainLazy: _.range(1, 50).length + _(_.range(1, 1000)).map((n) => n * 2).filter((n) => n % 3 === 0).take(4).value().join(),
  camelCase: camelCase('Foo Bar-baz_qux'),
  kebabCase: _.kebabCase('fooBar Baz'),
  startCase: _.startCase('--foo-bar--'),
  pad: _.pad('abc', 8, '_-'),
  escape: _.escape('fred, barney, & <pebbles>'),
  words: _.words('fred, barney, & pebbles'),
  cloneDeep: (() => { const src = { a: [1, { b: new Date(0) }], m: new Map([[1, 2]]) }; const c = cloneDeep(src); return [c.a[1] !== src.a[1], c.a[1].b instanceof Date, c.m.get(1), isEqual(c, src)]; })(),
  isEqual: [isEqual({ a: [1, 2] }, { a: [1, 2] }), isEqual(new Set([1]), new Set([2]))],
  merge: merge({ a: [{ b: 2 }, { d: 4 }] }, { a: [{ c: 3 }, { e: 5 }] }),
  getSet: (() => { const o = {}; set(o, 'x[0].y.z', 5); return [get(o, 'x[0].y.z'), get(o, 'nope.nope', 'default')]; })(),
  curry: curry((a, b, c) => [a, b, c])(1)(2)(3),
  partial: partial((greeting, name) => `${greeting} ${name}`, 'hi')('fred'),
  flow: flow([(a, b) => a + b, (n) => n * n])(1, 2),
  memoize: (() => { let calls = 0; const f = memoize((n) => { calls++; return n * 2; }); f(2); f(2); f(3); return [calls, f.cache.size]; })(),
  debounceType: typeof debounce(() => {}, 10).cancel,
  isPlainObject: [_.isPlainObject({}), _.isPlainObject(Object.create(null)), _.isPlainObject([])],
  typedArrays: [_.isTypedArray(new Uint8Array(2)), _.isArrayBuffer(new ArrayBuffer(1)), _.isMap(new Map()), _.isSymbol(Symbol.iterator)],
  toPairsIn: _.toPairs({ b: 2, a: 1 }),
  sumMeanMax: [_.sum([4, 2, 8, 6]), _.mean([4, 2, 8, 6]), _.maxBy(users, 'age').user],
  times: _.times(3, String),
  uniqueId: [_.uniqueId('x_'), _.uniqueId()],
  mixin: (() => { _.mixin({ double: (n) => n * 2 }); return _(21).double(); })(),
  now: typeof _.now(),
};
__log.push('lodash done');
