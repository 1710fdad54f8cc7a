__log.push('shared');
export const shared = 'S';
