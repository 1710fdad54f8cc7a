__log.push('dep');
export const present = 1;
