__log.push('left');
export const dup = 'left';
export const onlyLeft = 'L';
