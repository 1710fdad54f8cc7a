__log.push('async');
await null;
