__log.push('fast:start');
await null;
__log.push('fast:end');
