// Writes globals: through its own global object (never reaches the host or
// another package) and through a free reference that the policy may mark
// "write".
export function writeOwnGlobal(value) {
  try {
    globalThis.hermeticLeak = value;
    return 'wrote';
  } catch (error) {
    return error.name;
  }
}
export function writeShared(value) {
  try {
    hermeticShared = value;
    return 'wrote';
  } catch (error) {
    return error.name;
  }
}
export function readShared() {
  return hermeticShared;
}
