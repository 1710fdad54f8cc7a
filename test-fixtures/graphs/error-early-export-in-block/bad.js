__log.push('bad');
{ export const x = 1; }
