__log.push('tla:start');
await null;
__log.push('tla:end');
export const done = true;
