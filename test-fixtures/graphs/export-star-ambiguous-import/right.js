__log.push('right');
export const dup = 'right';
export const onlyRight = 'R';
