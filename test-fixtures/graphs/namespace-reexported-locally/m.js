export const a = 'a';
export default 'm-default';
