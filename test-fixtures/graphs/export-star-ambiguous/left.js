export const dup = 'left';
export const onlyLeft = 'L';
