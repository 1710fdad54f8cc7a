export let x = 'initial';
export function findFirstBig(list, seen) {
  for (x of list) if (x > 4) return 'found ' + x + ' seen ' + seen();
  return 'none';
}
export function* gen(list, seen) {
  for (x of list) yield x + '=' + seen();
}
export async function asyncLoop(list, seen) {
  const out = [];
  for (x of list) { await null; out.push(x + '=' + seen()); }
  for await (x of list) out.push(seen());
  return out.join();
}
export function labels(seen) {
  const out = [];
  outer: for (x of ['o1', 'o2', 'o3']) {
    inner: for (const y of [1, 2]) {
      if (x === 'o2') continue outer;
      if (y === 2) break inner;
      if (x === 'o3') break outer;
      out.push(x + y + seen());
    }
  }
  return out.join();
}
export function closures() {
  const fns = [];
  for (x of ['c1', 'c2']) { const captured = x; fns.push(() => captured + '/' + x); }
  return fns;
}
export function whileAssign(seen) {
  const src = ['w1', 'w2'];
  const out = [];
  while ((x = src.shift()) !== undefined) out.push(seen());
  return out.join() + ':' + String(x);
}
export function doWhile(seen) {
  let n = 0;
  do { x = 'd' + n; } while (++n < 3 && seen());
  return n;
}
export function inSwitch(k) {
  switch (k) { case 'k': x = 'from switch'; break; default: x = 'default'; }
  return x;
}
export function forInBreak(seen) {
  for (x in { first: 1, second: 2 }) { if (seen() === 'first') break; }
  return x;
}
