export const dup = 'right';
export const onlyRight = 'R';
