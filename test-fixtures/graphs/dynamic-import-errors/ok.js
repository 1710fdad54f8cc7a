__log.push('ok evaluated');
export const ok = 'OK';
