__log.push('bad:start');
await Promise.resolve();
throw new TypeError('async failure');
