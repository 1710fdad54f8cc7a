export const which = 'browser';
