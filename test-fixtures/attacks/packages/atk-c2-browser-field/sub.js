export const decoy = true;
