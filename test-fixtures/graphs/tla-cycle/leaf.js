__log.push('leaf:start');
await null;
await null;
export const leaf = 'leaf';
__log.push('leaf:end');
