__log.push('m');
export const other = 1;
