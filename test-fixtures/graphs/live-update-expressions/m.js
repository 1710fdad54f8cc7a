export let i = 0;
export var v = 10;
export let big = 1n;
export let str = '5';
export function step(kind) {
  switch (kind) {
    case 'post++': return i++;
    case 'pre++': return ++i;
    case 'post--': return i--;
    case 'pre--': return --i;
    case 'var post++': return v++;
    case 'var pre--': return --v;
    case 'big++': return big++;
    case 'str++': return str++;
    case 'loop': { let r = []; while (i < 5) r.push(i++); return r.join(','); }
  }
}
