__log.push('other:start');
await new Promise((r) => r());
await { then(r) { __log.push('thenable'); r(); } };
__log.push('other:end');
