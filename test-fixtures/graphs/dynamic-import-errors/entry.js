const results = [];
async function check(label, f) {
  let p;
  try { p = f(); } catch (e) { results.push(label, 'sync throw ' + e.constructor.name); return; }
  results.push(label + ' is promise', p instanceof Promise);
  try { results.push(label, await p); } catch (e) { results.push(label, 'rejected ' + e.constructor.name); }
}
await check('throwing toString', () => import({ toString() { throw new RangeError('no'); } }));
await check('options not object', () => import('./ok.js', 'not an object'));
await check('missing file', () => import('./does-not-exist.js'));
await check('link error', () => import('./bad-link.js'));
await check('ok afterwards', async () => (await import('./ok.js')).ok);
await check('argument evaluated first', () => { results.push('arg'); return import((results.push('spec'), './ok.js')); });
__log.push(...results);
