__log.push('third');
export const third = 3;
