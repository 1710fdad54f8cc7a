__log.push('later evaluated');
export const later = 'LATER';
