import { metaUrlTail, loadLater, usesGlobal } from './entry.js';
function attempt(f) { try { return f(); } catch (e) { return 'threw ' + e.constructor.name; } }
export const early = {
  meta: attempt(metaUrlTail),
  dynamic: attempt(loadLater),
  global: attempt(usesGlobal),
};
__log.push('dep body', early.meta, early.global);
