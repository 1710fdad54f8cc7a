__log.push('lazy:start');
export const lazy = await new Promise((resolve) => Promise.resolve().then(() => resolve('LAZY')));
__log.push('lazy:end');
