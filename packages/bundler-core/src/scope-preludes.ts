/**
 * The one-line preludes that bind a compiled module's scope names, as data
 * (`PreludeSpec`) so that a compile worker can build them too.
 */
import type { ScopePreludeInfo } from '@hermetic/module-source';
import { BOOTSTRAP_ID, scopeModuleId } from './bootstrap-source.js';

/** Which prelude a compilation gets: `esm`, an import of the module's scope module; `cjs`, a `require` of the bootstrap. */
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
  const members = uses.map((member) => `${prefix}${member}=${scope}.${member}`).join(',');
  return `var ${scope}=require(${q(BOOTSTRAP_ID)}).scopeOf(${q(spec.packageName)},${strict}),${members};`;
}
