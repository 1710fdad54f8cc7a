export const meta = import.meta;
export function readLater() { return import.meta; }
