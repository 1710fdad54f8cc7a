// Copied into every attacker package (as ./harvest.js, or ./harvest.cjs for CommonJS ones) when a test
// app is created: the attacker walks what it obtained and returns every object and function it can
// reach from it, so the trusted root can compare them by identity with the host's objects.
const PROBED = ['window', 'globalThis', 'self', 'global', 'document', 'fetch', 'process', 'g', 't', 'default', 'secret'];

export function harvest(roots, depth = 3) {
  const found = [];
  const seen = new Set();
  const visit = (value, level) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
    if (seen.has(value) || seen.size > 4000) return;
    seen.add(value);
    found.push(value);
    if (level >= depth) return;
    const next = [];
    try {
      if (value instanceof Map) for (const [k, v] of value) next.push(k, v);
      if (value instanceof Set) for (const v of value) next.push(v);
    } catch {}
    let keys = [];
    try { keys = Reflect.ownKeys(value); } catch {}
    for (const key of keys) {
      try {
        const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
        if (descriptor === undefined) continue;
        next.push('value' in descriptor ? descriptor.value : descriptor.get === undefined ? undefined : Reflect.apply(descriptor.get, value, []));
      } catch {}
    }
    for (const name of PROBED) {
      try { next.push(value[name]); } catch {}
    }
    for (const item of next) visit(item, level + 1);
  };
  for (const root of roots) visit(root, 0);
  return found;
}
