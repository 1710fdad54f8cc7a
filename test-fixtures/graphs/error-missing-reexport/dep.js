__log.push('dep');
export const real = 1;
