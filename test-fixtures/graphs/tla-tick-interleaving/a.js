__log.push('a0');
await null;
__log.push('a1');
