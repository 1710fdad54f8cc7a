__log.push('leaf');
export const present = 1;
