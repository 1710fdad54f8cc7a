__log.push('b');
export const b = 'b';
