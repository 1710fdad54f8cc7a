// Reads a global directly. Denied by the override
// `globals: { "fetch": false }`, it must behave as absent.
export function typeofFetch() {
  return typeof fetch;
}
export function readFetch() {
  try {
    return { ok: true, value: typeof fetch === 'undefined' ? 'absent' : String(fetch).slice(0, 30) };
  } catch (error) {
    return { ok: false, name: error.name, message: error.message };
  }
}
export function readFetchDirectly() {
  return fetch;
}
