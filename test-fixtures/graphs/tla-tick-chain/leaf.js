__log.push('leaf:start');
await null;
__log.push('leaf:end');
