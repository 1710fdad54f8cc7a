export const imp = 'imported';
