const events = [];
globalThis.__events = events;
const [x, y, x2] = await Promise.all([import('./x.js'), import('./y.js'), import('./x.js')]);
__log.push('evaluated (sorted)', events.slice().sort().join());
__log.push('resolved', x.name, y.name, x === x2, x.peer(), y.peer());
