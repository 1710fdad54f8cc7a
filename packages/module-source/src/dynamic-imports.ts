/**
 * `import()` in code compiled in place: the bundler resolves (and Hermetic's
 * plugin checks) only a literal specifier, so a literal stays, a template
 * without substitutions becomes the string it spells, and any other
 * specifier is refused at run time through the scope member `d`, evaluated
 * exactly as `import()` would evaluate it (specifier, then options).
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

/**
 * Rewrites the `import()` expressions of an in-place compilation (module or
 * CommonJS): `` import(`x`) `` → `import("x")`, a string literal stays, and
 * `import(expr, options)` → `$hd(expr, "location:line:col", options)` with a
 * warning naming the place (by `specifier`).
 */
export function rewriteDynamicImports(session: RewriteSession, calls: readonly t.ImportExpression[], text: string, specifier: string, location = specifier): void {
  const { edits, alias, warnings } = session;
  for (const call of calls) {
    const source = call.source;
    if (source.type === 'StringLiteral') continue;
    if (source.type === 'TemplateLiteral' && source.expressions.length === 0) {
      edits.replace(source.start as number, source.end as number, JSON.stringify(source.quasis[0].value.cooked ?? ''));
      continue;
    }
    const { line, column } = call.loc?.start ?? positionOf(text, call.start as number);
    const place = `:${line}:${column + 1}`;
    edits.replace(call.start as number, specifierStart(source), `${alias('d')}(`);
    const end = specifierEnd(text, source, call.end as number);
    edits.replace(end, end, `,${JSON.stringify(location + place)}`);
    warnings.push(
      `${specifier}${place}: computed import() in a compartmentalized package is refused at run time: ` +
        'bundlers resolve only a literal specifier, so Hermetic cannot check this one against the policy (use a string literal)',
    );
  }
}
