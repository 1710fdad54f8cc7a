/**
 * The one-line preludes that bind a compiled module's scope names, as data
 * (`PreludeSpec`) so that a compile worker can build them too.
 */
import type { ScopePreludeInfo } from '@hermetic/module-source';
import { scopeModuleId } from './bootstrap-source.js';

/** Which prelude a compilation gets: `esm`, an import of its package's scope module; `cjs`, a `require` of it. */
export interface PreludeSpec {
  kind: 'esm' | 'cjs';
  packageName: string;
}

/** The prelude of `spec` for a compilation described by `info` (empty when the code uses no global). */
export function scopePrelude(spec: PreludeSpec, { prefix, strict, uses }: ScopePreludeInfo): string {
  if (uses.length === 0) return '';
  const q = JSON.stringify;
  if (spec.kind === 'esm') {
    return `import { ${uses.map((member) => `${member} as ${prefix}${member}`).join(', ')} } from ${q(scopeModuleId(spec.packageName))};`;
  }
  const scope = `${prefix}s`;
  // The scope module's `g` is the strict scope object; sloppy code writes through the sloppy one, `s`.
  const members = uses.map((member) => `${prefix}${member}=${scope}.${member === 'g' && !strict ? 's' : member}`).join(',');
  return `var ${scope}=require(${q(scopeModuleId(spec.packageName))}),${members};`;
}
