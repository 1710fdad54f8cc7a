/**
 * What a CommonJS module's source and compiled text tell the policy
 * generator about its globals: the free names it reads, members of global
 * aliases (`window.fetch`), and the names it writes. Computed with the
 * compilation and cached with it, so a warm build does not scan react-dom's
 * 625 KB with these patterns again.
 */

/** Globals a module uses and writes, as sorted lists (they are cached as JSON). */
export interface GlobalUsage {
  globals: string[];
  writes: string[];
}

const GLOBAL_MEMBER = /(?<![.\w$])(?:window|self|globalThis)\s*\.\s*([A-Za-z_$][\w$]*)/g;
// An assignment (`=`, `+=`, `??=`, … but not `==`) to a member of the compiled global scope
// object (`$hg.x = …`, whatever prefix the compiler chose) or of a global alias (`window.x = …`).
const ASSIGNED = String.raw`\s*(?:\*\*|<<|>>>?|&&|\|\||\?\?|[-+*/%&|^])?=(?!=)`;
const SCOPE_WRITE = new RegExp(String.raw`\$h\d*[gt]\.([A-Za-z_$][\w$]*)` + ASSIGNED, 'g');
const SCOPE_UPDATE = /(?:\+\+|--)\s*\$h\d*[gt]\.([A-Za-z_$][\w$]*)|\$h\d*[gt]\.([A-Za-z_$][\w$]*)\s*(?:\+\+|--)/g;
const ALIAS_WRITE = new RegExp(String.raw`(?<![.\w$])(?:window|self|globalThis)\s*\.\s*([A-Za-z_$][\w$]*)` + ASSIGNED, 'g');
const ALIAS_UPDATE = /(?:\+\+|--)\s*(?:window|self|globalThis)\s*\.\s*([A-Za-z_$][\w$]*)|(?<![.\w$])(?:window|self|globalThis)\s*\.\s*([A-Za-z_$][\w$]*)\s*(?:\+\+|--)/g;

/** The usage of a module with source `code`, compiled to `compiledCode` with free names `compiledGlobals`. */
export function globalUsage(code: string, compiledCode: string, compiledGlobals: readonly string[]): GlobalUsage {
  const globals = new Set(compiledGlobals);
  if (compiledGlobals.some((name) => name === 'window' || name === 'self' || name === 'globalThis')) {
    for (const match of code.matchAll(GLOBAL_MEMBER)) globals.add(match[1]);
  }
  const writes = new Set<string>();
  for (const match of compiledCode.matchAll(SCOPE_WRITE)) if (globals.has(match[1])) writes.add(match[1]);
  for (const match of compiledCode.matchAll(SCOPE_UPDATE)) {
    const name = match[1] ?? match[2];
    if (globals.has(name)) writes.add(name);
  }
  for (const match of code.matchAll(ALIAS_WRITE)) writes.add(match[1]);
  for (const match of code.matchAll(ALIAS_UPDATE)) writes.add(match[1] ?? match[2]);
  return { globals: [...globals].sort(), writes: [...writes].sort() };
}
