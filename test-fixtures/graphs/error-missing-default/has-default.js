__log.push('has-default');
export default 'only through an explicit re-export';
export const named = 1;
