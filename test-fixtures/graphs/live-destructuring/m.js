export let a = 0, b = 0, c = 0, rest = null;
export let obj = {};
const key = 'k';
export function run(step) {
  switch (step) {
    case 'array': [a, , b] = [1, 2, 3]; return;
    case 'object': ({ a, b: c } = { a: 'oa', b: 'ob' }); return;
    case 'defaults': [a = 'da', b = 'db'] = [undefined, 'given']; return;
    case 'rest': [a, ...rest] = [7, 8, 9]; return;
    case 'nested': ({ x: [a, { y: b = 'dy' }] } = { x: ['n1', {}] }); return;
    case 'swap': [a, b] = [b, a]; return;
    case 'computed': ({ [key]: c } = { k: 'computed' }); return;
    case 'objrest': ({ a, ...obj } = { a: 'r-a', p: 1, q: 2 }); return;
    case 'return-value': return [a, b] = ['rv1', 'rv2'];
  }
}
