/**
 * Free references compile against the global scope object `$hg`; this file
 * holds that rewrite (shared by modules and scripts), the `globals` list it
 * feeds, and the NamedEvaluation fix-up that member targets need.
 */
import type { Reference } from './scope-analysis.js';
import type { EditList } from './edit-list.js';
import type * as t from '@babel/types';
import { propertyKey } from './record-literals.js';

/** Names that are non-writable, non-configurable on every global object: reading the host's is exact. */
export const IMMUTABLE_GLOBALS: ReadonlySet<string> = new Set(['undefined', 'NaN', 'Infinity']);

/** Function and class expressions without a name, and arrows: they take the name of what they are assigned to. */
export function isAnonymousFunctionDefinition(node: t.Node): boolean {
  return (
    node.type === 'ArrowFunctionExpression' ||
    ((node.type === 'FunctionExpression' || node.type === 'ClassExpression') && !node.id)
  );
}

/**
 * Keeps NamedEvaluation when an identifier target becomes a member
 * (`f = function () {}` names the function "f"; `$hg.f = …` would not):
 * `{ f: function () {} }.f` names it through the property key instead.
 */
export function keepName(edits: EditList, value: t.Node | null | undefined, name: string): void {
  if (!value || !isAnonymousFunctionDefinition(value)) return;
  const key = propertyKey(name);
  const access = key.startsWith('[') || key.startsWith('"') ? `[${JSON.stringify(name)}]` : `.${name}`;
  edits.wrap(value.start as number, value.end as number, `{${key}:`, `}${access}`);
}

const NAMING_OPERATORS = new Set(['=', '||=', '&&=', '??=']);

/** Free names in order of first appearance in the text. */
export class GlobalCollector {
  private readonly first = new Map<string, number>();

  add(name: string, position: number): void {
    const seen = this.first.get(name);
    if (seen === undefined || position < seen) this.first.set(name, position);
  }

  names(): string[] {
    return [...this.first].sort((a, b) => a[1] - b[1]).map(([name]) => name);
  }
}

/**
 * Rewrites one reference to a free name: reads and write targets become
 * `$hg.X`, calls `(0, $hg.X)(…)` (so `this` is undefined), `typeof X`
 * becomes `$hy("X")`.
 */
export function rewriteFreeReference(
  ref: Reference,
  edits: EditList,
  alias: (member: string) => string,
  globals: GlobalCollector,
): void {
  const node = ref.node;
  const name = node.name;
  const start = node.start as number;
  globals.add(name, start);
  const member = `${alias('g')}.${name}`;
  switch (ref.role) {
    case 'typeof': {
      const owner = ref.owner as { start?: number | null; end?: number | null };
      edits.replace(owner.start as number, owner.end as number, `${alias('y')}(${JSON.stringify(name)})`);
      return;
    }
    case 'delete':
      // Only sloppy scripts can delete an identifier; compileScript handles them before this point.
      edits.replace(start, node.end as number, member);
      return;
    case 'callee':
      edits.replace(start, node.end as number, `(0, ${member})`);
      return;
    default:
      edits.replace(start, node.end as number, ref.shorthand ? `${name}: ${member}` : member);
      if (ref.defaultValue) keepName(edits, ref.defaultValue, name);
      else if (ref.role === 'assign' || ref.role === 'compound') {
        const owner = ref.owner as t.AssignmentExpression;
        if (NAMING_OPERATORS.has(owner.operator)) keepName(edits, owner.right, name);
      }
  }
}
