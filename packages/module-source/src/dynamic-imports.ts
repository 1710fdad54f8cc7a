/**
 * `import()` in code compiled in place: the bundler resolves (and Hermetic's
 * plugin checks) only a literal specifier with literal options, so those
 * stay, a template without substitutions becomes the string it spells, and
 * any other `import()` is refused at run time through the scope member `d`,
 * evaluated exactly as `import()` would evaluate it (specifier, then options).
 */
import type * as t from '@babel/types';
import { positionOf } from './parse-source.js';
import type { RewriteSession } from './rewrite-session.js';

/** Where the `import(` of `call` ends: the start of its specifier, outer parentheses included. */
function specifierStart(node: t.Node): number {
  const extra = node.extra as { parenStart?: number } | undefined;
  return extra?.parenStart ?? (node.start as number);
}

/**
 * The offset just after `node` and the parentheses around it (`import(((x)))`),
 * found by skipping white space, comments and `)` up to the call's own `)`.
 */
function specifierEnd(text: string, node: t.Node, callEnd: number): number {
  let end = node.end as number;
  let pos = end;
  const close = callEnd - 1;
  while (pos < close) {
    const c = text[pos];
    if (c === '/' && text[pos + 1] === '*') {
      const stop = text.indexOf('*/', pos + 2);
      pos = stop === -1 ? close : stop + 2;
    } else if (c === '/' && text[pos + 1] === '/') {
      const rest = /[\n\r\u2028\u2029]/.exec(text.slice(pos));
      pos = rest === null ? close : pos + rest.index + 1;
    } else if (c === ')') {
      pos += 1;
      end = pos;
    } else if (/\s/.test(c)) {
      pos += 1;
    } else {
      break;
    }
  }
  return end;
}

const keyName = (key: t.Node): string | undefined =>
  key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' ? key.value : undefined;

/**
 * Options a bundler reads at build time: `{ with: { type: "json" } }` (or
 * `assert`), string values only. esbuild leaves any other `import("x", …)`,
 * even `import("x", {})`, to the run time's own loader, which no policy checks.
 */
function isStaticOptions(options: t.Node | null | undefined): boolean {
  if (options == null) return true;
  if (options.type !== 'ObjectExpression' || options.properties.length !== 1) return false;
  const [outer] = options.properties;
  if (outer.type !== 'ObjectProperty' || outer.computed || !['with', 'assert'].includes(keyName(outer.key) ?? '')) return false;
  const value = outer.value;
  return value.type === 'ObjectExpression' &&
    value.properties.every((inner) => inner.type === 'ObjectProperty' && !inner.computed && keyName(inner.key) !== undefined && inner.value.type === 'StringLiteral');
}

/**
 * Rewrites the `import()` expressions of an in-place compilation (module or
 * CommonJS): `` import(`x`) `` → `import("x")`, a string literal stays (with
 * no options or literal `{ with: { … } }` ones), and any other
 * `import(expr, options)` → `$hd(expr, "location:line:col", options)` with a
 * warning naming the place (by `specifier`).
 */
export function rewriteDynamicImports(session: RewriteSession, calls: readonly t.ImportExpression[], text: string, specifier: string, location = specifier): void {
  const { edits, alias, warnings } = session;
  for (const call of calls) {
    const source = call.source;
    const literal = source.type === 'StringLiteral' || (source.type === 'TemplateLiteral' && source.expressions.length === 0);
    const staticOptions = isStaticOptions(call.options);
    if (literal && staticOptions) {
      if (source.type === 'TemplateLiteral') edits.replace(source.start as number, source.end as number, JSON.stringify(source.quasis[0].value.cooked ?? ''));
      continue;
    }
    const { line, column } = call.loc?.start ?? positionOf(text, call.start as number);
    const place = `:${line}:${column + 1}`;
    edits.replace(call.start as number, specifierStart(source), `${alias('d')}(`);
    const end = specifierEnd(text, source, call.end as number);
    edits.replace(end, end, `,${JSON.stringify(location + place)}`);
    warnings.push(
      `${specifier}${place}: computed import() in a compartmentalized package is refused at run time: ` +
        (literal
          ? 'bundlers leave an import() whose options are not a literal `{ with: { … } }` to the run time, so Hermetic cannot check it against the policy'
          : 'bundlers resolve only a literal specifier, so Hermetic cannot check this one against the policy (use a string literal)'),
    );
  }
}
