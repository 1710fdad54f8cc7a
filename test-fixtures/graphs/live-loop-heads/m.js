export let cur, key, idx, pair;
let observe = () => {};
export function setObserver(f) { observe = f; }
export async function iterate() {
  for (cur of ['x', 'y']) observe();
  for (key in { p: 1, q: 2 }) observe();
  for (idx = 0; idx < 2; idx++) observe();
  for ([pair, cur] of [['p1', 'c1'], ['p2', 'c2']]) observe();
  for ({ key } of [{ key: 'kk' }]) { observe(); }
  outer: for (cur of ['a', 'b', 'c']) {
    for (key in { z: 1 }) {
      if (cur === 'b') continue outer;
      observe();
    }
  }
  for await (cur of [Promise.resolve('awaited')]) observe();
  for (cur of []) observe();
  __log.push('after-empty', cur);
}
