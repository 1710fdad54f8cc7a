__log.push('a:start');
export let a = 'a-before-await';
await null;
a = 'a-after-await';
__log.push('a:end');
