__log.push('bad:start');
await null;
throw new RangeError('bad module');
