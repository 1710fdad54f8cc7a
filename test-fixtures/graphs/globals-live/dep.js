export function readLater() {
  try { return addedLater; } catch (e) { return 'threw ' + e.constructor.name; }
}
export function writeLater(v) { addedLater = v; }
