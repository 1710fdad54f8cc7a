/**
 * The completion value of a script (what `eval` returns), tracked the way
 * ECMA-262's UpdateEmpty rules define it: every expression statement stores
 * its value in a completion variable, and every statement whose completion
 * is `UpdateEmpty(C, undefined)` (if, loops, switch, try) first resets it to
 * undefined. A `finally` block does not change it unless it completes
 * abruptly.
 */
import type * as t from '@babel/types';
import type { EditList } from './edit-list.js';

const LIST_CONTAINERS = new Set(['Program', 'BlockStatement', 'SwitchCase']);

/** Adds the edits that keep `completion` (a local name) equal to the script's completion value. */
export function trackCompletion(program: t.Program, edits: EditList, completion: string, saved: string): void {
  const reset = `${completion}=void 0;`;
  const resetBefore = (outer: t.Node, container: t.Node): void => {
    if (LIST_CONTAINERS.has(container.type)) edits.wrap(outer.start as number, outer.end as number, reset, '', true);
    else edits.wrap(outer.start as number, outer.end as number, `{${reset}`, '}', true);
  };
  const nested = (statement: t.Statement | null | undefined, container: t.Node): void => {
    if (statement) visit(statement, container, statement);
  };
  // `outer` is the outermost label around `statement`; `container` holds `outer`.
  const visit = (statement: t.Statement, container: t.Node, outer: t.Node): void => {
    switch (statement.type) {
      case 'ExpressionStatement': {
        const expression = statement.expression;
        edits.wrap(expression.start as number, expression.end as number, `${completion}=(`, ')');
        return;
      }
      case 'LabeledStatement':
        visit(statement.body, container, outer);
        return;
      case 'BlockStatement':
        for (const item of statement.body) visit(item, statement, item);
        return;
      case 'IfStatement':
        resetBefore(outer, container);
        nested(statement.consequent, statement);
        nested(statement.alternate, statement);
        return;
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
        resetBefore(outer, container);
        nested(statement.body, statement);
        return;
      case 'SwitchStatement':
        resetBefore(outer, container);
        for (const switchCase of statement.cases) for (const item of switchCase.consequent) visit(item, switchCase, item);
        return;
      case 'TryStatement':
        resetBefore(outer, container);
        visit(statement.block, statement, statement.block);
        if (statement.handler) visit(statement.handler.body, statement.handler, statement.handler.body);
        if (statement.finalizer && statement.finalizer.body.length > 0) {
          const finalizer = statement.finalizer;
          edits.wrap((finalizer.start as number) + 1, (finalizer.end as number) - 1, `let ${saved}=${completion};`, `;${completion}=${saved};`, true);
          visit(finalizer, statement, finalizer);
        }
        return;
      default:
        return;
    }
  };
  for (const statement of program.body) visit(statement, program, statement);
}
