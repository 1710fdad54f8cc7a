__log.push('b0');
await null;
__log.push('b1');
await null;
__log.push('b2');
await null;
__log.push('b3');
await null;
__log.push('b4');
