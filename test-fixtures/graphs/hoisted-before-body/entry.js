import { early } from './dep.js';
__log.push('entry body', early.meta, await early.dynamic);
export function metaUrlTail() { return import.meta.url.split('/').slice(-2).join('/'); }
export function loadLater() { return import('./later.js').then((ns) => ns.later); }
export function usesGlobal() { return typeof Math.max + ':' + typeof missingGlobal; }
