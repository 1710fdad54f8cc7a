// Reaches a global through an alias, which static analysis cannot see
// (LavaMoat misses `var e = window; e.HTMLIFrameElement`). Inside a
// compartment the alias is the package's own global, so the read finds
// nothing the policy did not grant.
const w = globalThis;
export function probeAliasedFetch() {
  return typeof w.fetch;
}
export function probeAliasedDocument() {
  return typeof w.document;
}
export function probeOwnGlobal() {
  return w === globalThis;
}
