// A "third-party" package. Its policy (generated from what it visibly uses)
// grants nothing, so what it tries to reach through an alias of its global
// is simply not there: its global object is its own.
const g = globalThis;

export function track(event) {
  return {
    event,
    fetch: typeof g.fetch,
    process: typeof g.process,
    ownGlobal: g !== undefined && Object.isFrozen(g),
  };
}
