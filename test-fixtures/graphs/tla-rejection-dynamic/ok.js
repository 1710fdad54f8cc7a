__log.push('ok runs once');
export const ok = 'ok';
