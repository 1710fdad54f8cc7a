export const imported = 2;
