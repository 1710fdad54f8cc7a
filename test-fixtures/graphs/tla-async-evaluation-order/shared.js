__log.push('shared:start');
await null;
__log.push('shared:end');
