import { imported } from './dep.js';
function usesGlobal() { return Math.max(imported, 1); }
class K { m() { return imported; } }
const arrow = (a) => a + imported;
export function exported() { return JSON.stringify(exported); }
__log.push(String(usesGlobal), String(K), String(K.prototype.m), String(arrow), String(exported));
