__log.push('d:start');
export const d = await Promise.resolve('D');
__log.push('d:end');
