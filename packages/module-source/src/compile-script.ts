/**
 * compileScript: script-goal text → script record text (docs/record-format.md,
 * "Script records"), for `Global#eval`, `Compartment#evaluate` and the
 * `Function` constructors of a Hermetic global in Node.
 */
import type * as t from '@babel/types';
import { parseSource } from './parse-source.js';
import { isWrite, rejectWith, startRewrite, warnDirectEval } from './rewrite-session.js';
import { analyze, type Reference } from './scope-analysis.js';
import { patternNames } from './module-bindings.js';
import { emitRecordText } from './source-map.js';
import { GlobalCollector, rewriteFreeReference, keepName, IMMUTABLE_GLOBALS } from './free-references.js';
import { trackCompletion } from './script-completion.js';
import type { CompileScriptOptions, CompiledScript, FunctionKind } from './types.js';

const FUNCTION_KEYWORDS: { [kind in FunctionKind]: string } = {
  normal: 'function',
  async: 'async function',
  generator: 'function*',
  asyncGenerator: 'async function*',
};

/**
 * The text of a dynamic function (CreateDynamicFunction): parameters and body
 * are checked to parse on their own, so neither can close the other early.
 * The property key names the function "anonymous" without binding that name.
 */
function dynamicFunctionText(body: string, params: string, kind: FunctionKind, specifier: string): string {
  const head = `({anonymous:${FUNCTION_KEYWORDS[kind]}(`;
  const text = `${head}${params}\n) {\n${body}\n}}).anonymous`;
  const file = parseSource(text, specifier, 'script');
  const statement = file.program.body[0];
  const fn =
    statement?.type === 'ExpressionStatement' && statement.expression.type === 'MemberExpression' && statement.expression.object.type === 'ObjectExpression'
      ? (statement.expression.object.properties[0] as t.ObjectProperty | undefined)?.value
      : undefined;
  const bodyStart = head.length + params.length + 3;
  if (
    file.program.body.length !== 1 ||
    fn?.type !== 'FunctionExpression' ||
    fn.body.start !== bodyStart ||
    fn.body.end !== bodyStart + body.length + 4 ||
    fn.params.some((param) => (param.end as number) > head.length + params.length)
  ) {
    throw new SyntaxError(`${specifier}: the parameters or the body of the function do not parse on their own`);
  }
  return text;
}

/**
 * Compiles script text into the text of a script record whose functor (called
 * with `this` = the global) returns the completion value. With
 * `functionBody`, the text is the body of a dynamic function and the functor
 * returns that function.
 */
export function compileScript(text: string, options: CompileScriptOptions = {}): CompiledScript {
  const specifier = options.specifier ?? '<anonymous>';
  const source = options.functionBody
    ? dynamicFunctionText(text, options.functionBody.params, options.functionBody.kind, specifier)
    : text;
  const file = parseSource(source, specifier, 'script', options.strict === true ? true : undefined);
  const program = file.program;
  // A dynamic function's own directive decides its mode, unless strictness is forced.
  const strict = options.strict === true || (!options.functionBody && program.directives.some((d) => d.value.value === 'use strict'));
  const analysis = analyze(program, strict);
  const root = analysis.root;
  rejectWith(analysis, source, specifier);
  const session = startRewrite(source);
  const { p, edits, used, alias, globals, warnings } = session;
  const ownNames = new GlobalCollector();

  /** The prologue binds the global object (`${p}G`, the functor's `this`). */
  let deletes = false;
  const rewriteReference = (ref: Reference): void => {
    const name = ref.node.name;
    const declaration = ref.scope.lookup(name);
    if (ref.role === 'delete') {
      // Sloppy `delete X`: a global binding is deleted as a property of the global object (which decides by
      // its attributes); a lexical binding cannot be deleted; a local one is left to the engine.
      const owner = ref.owner as t.UnaryExpression;
      if (declaration !== undefined && declaration.scope !== root) return;
      const lexical = declaration !== undefined && declaration.kind !== 'var' && declaration.kind !== 'function';
      if (declaration === undefined) globals.add(name, ref.node.start as number);
      deletes ||= !lexical;
      edits.replace(owner.start as number, owner.end as number, lexical ? '(0,false)' : `delete ${p}G.${name}`);
      return;
    }
    if (declaration === undefined && isWrite(ref) && ref.strict && !strict && !IMMUTABLE_GLOBALS.has(name)) {
      // Strict code inside a sloppy script: `$hg`'s setter would create a missing global, so the target
      // throws the scope object's own ReferenceError when neither the global object nor (by typeof) a
      // lexical binding has the name.
      globals.add(name, ref.node.start as number);
      deletes = true;
      const key = JSON.stringify(name);
      const member = `${alias('g')}.${name}`;
      const target = `(${key} in ${p}G||${alias('y')}(${key})!=="undefined"?${alias('g')}:{get ${name}(){return ${member}},set ${name}(${p}v){${member}}}).${name}`;
      edits.replace(ref.node.start as number, ref.node.end as number, ref.shorthand ? `${name}:${target}` : target);
      if (ref.defaultValue) keepName(edits, ref.defaultValue, name);
      return;
    }
    if (declaration === undefined) {
      if (IMMUTABLE_GLOBALS.has(name)) return;
      rewriteFreeReference(ref, edits, alias, globals);
      warnDirectEval(session, ref, source, specifier, 'local variables');
    } else if (declaration.scope === root) {
      rewriteFreeReference(ref, edits, alias, ownNames);
    }
  };
  for (const ref of analysis.references) rewriteReference(ref);

  // `with` cannot be compiled without evaluating names at run time.

  const varNames: string[] = [];
  const functionNames: string[] = [];
  const lexicalNames: string[] = [];
  const constNames: string[] = [];
  const addOnce = (list: string[], name: string): void => {
    if (!list.includes(name)) list.push(name);
  };
  const member = (name: string): string => `${alias('g')}.${name}`;
  const lexicalTarget = (name: string): string => `({set _(${p}v){${alias('l')}(${JSON.stringify(name)},${p}v)}})._`;
  /** Rewrites the binding identifiers of a pattern into assignment targets. */
  const patternTargets = (pattern: t.Node, target: (name: string) => string): void => {
    const visitTarget = (node: t.Node, shorthand: boolean): void => {
      switch (node.type) {
        case 'Identifier':
          edits.replace(node.start as number, node.end as number, (shorthand ? `${node.name}:` : '') + target(node.name));
          return;
        case 'ObjectPattern':
          for (const property of node.properties) {
            if (property.type === 'RestElement') visitTarget(property.argument, false);
            else visitTarget(property.value, property.shorthand);
          }
          return;
        case 'ArrayPattern':
          for (const element of node.elements) if (element) visitTarget(element, false);
          return;
        case 'AssignmentPattern':
          visitTarget(node.left, shorthand);
          if (node.left.type === 'Identifier') keepName(edits, node.right, node.left.name);
          return;
        case 'RestElement':
          visitTarget(node.argument, false);
          return;
        default:
          return;
      }
    };
    visitTarget(pattern, false);
  };

  const prologue: string[] = [];
  for (const { node, parent, annexB } of analysis.rootDeclarations) {
    if (node.type === 'FunctionDeclaration') {
      const name = (node.id as t.Identifier).name;
      if (annexB) {
        addOnce(varNames, name);
        edits.wrap(node.start as number, node.end as number, '', `${member(name)}=${name};`, true);
      } else {
        addOnce(functionNames, name);
        prologue.push(`${member(name)}=${name};`);
      }
      continue;
    }
    if (node.type === 'ClassDeclaration') {
      const name = (node.id as t.Identifier).name;
      addOnce(lexicalNames, name);
      edits.wrap(node.start as number, node.end as number, `${alias('l')}(${JSON.stringify(name)},`, ');', true);
      continue;
    }
    const lexical = node.kind !== 'var';
    for (const declarator of node.declarations) {
      for (const id of patternNames(declarator.id)) {
        addOnce(lexical ? lexicalNames : varNames, id.name);
        if (node.kind === 'const') addOnce(constNames, id.name);
      }
    }
    const inForHead =
      (parent.type === 'ForInStatement' || parent.type === 'ForOfStatement') && parent.left === node;
    const declarators = node.declarations;
    const kept = declarators.filter((d) => d.init != null || inForHead || lexical);
    // Drop the keyword; declarators without initialiser (var) disappear.
    edits.replace(node.start as number, declarators[0].start as number, '');
    declarators.forEach((declarator, index) => {
      if (kept.includes(declarator)) return;
      const next = declarators[index + 1];
      edits.replace(declarator.start as number, next ? (next.start as number) : (declarator.end as number), '');
    });
    const lastKept = kept[kept.length - 1];
    const lastKeptIndex = declarators.indexOf(lastKept as t.VariableDeclarator);
    if (lastKept && lastKeptIndex < declarators.length - 1) {
      edits.replace(lastKept.end as number, declarators[lastKeptIndex + 1].start as number, '');
    }
    if (kept.length === 0) {
      const end = node.end as number;
      const parentIsFor = parent.type === 'ForStatement';
      if (!parentIsFor) edits.wrap(end, end, source[end - 1] === ';' ? '' : ';', '');
      continue;
    }
    for (const declarator of kept) {
      const id = declarator.id;
      if (lexical) {
        if (id.type === 'Identifier') {
          const call = `${alias('l')}(${JSON.stringify(id.name)},`;
          if (declarator.init) {
            // Removes `x =`; the initialiser becomes the second argument.
            const initStart = parenStartOf(declarator.init);
            edits.replace(id.start as number, initStart, '');
            edits.wrap(initStart, declarator.end as number, call, ')', true);
            keepName(edits, declarator.init, id.name);
          } else {
            edits.replace(id.start as number, id.end as number, `${call}void 0)`);
          }
        } else {
          patternTargets(id, lexicalTarget);
          edits.wrap(declarator.start as number, declarator.end as number, '(', ')');
        }
      } else if (id.type === 'Identifier') {
        edits.replace(id.start as number, id.end as number, member(id.name));
        keepName(edits, declarator.init, id.name);
      } else {
        patternTargets(id, member);
        if (!inForHead) edits.wrap(declarator.start as number, declarator.end as number, '(', ')');
      }
    }
  }

  // A hashbang line cannot stay inside the functor.
  if (program.interpreter) edits.replace(program.interpreter.start as number, program.interpreter.end as number, '');
  // A sloppy function called without a receiver sees its realm's global as `this`: here, the script's global.
  for (const node of analysis.sloppyThis) edits.replace(node.start as number, node.end as number, `${p}w(this)`);
  const completion = `${p}r`;
  trackCompletion(program, edits, completion, `${p}s`);
  for (const call of analysis.importExpressions) edits.replace(call.start as number, parenStartOf(call.source), `${p}.i(`);

  const aliases = [...used].sort().map((name) => `${p}${name}=${p}.${name}`);
  const lastDirective = program.directives[program.directives.length - 1];
  const initial = lastDirective ? (lastDirective.value.extra as { raw: string }).raw : 'void 0';
  let head = strict ? '"use strict";' : '';
  if (aliases.length > 0) head += `const ${aliases.join(',')};`;
  // The engine already replaced an undefined `this` by the host realm's global: swap that for this script's global.
  if (analysis.sloppyThis.length > 0) head += `const ${p}G=this,${p}H=(function(){return this})(),${p}w=${p}v=>${p}v===${p}H?${p}G:${p}v;`;
  else if (deletes) head += `const ${p}G=this;`;
  head += `let ${completion}=${initial};${prologue.join('')}`;
  const globalNames = globals.names();
  const prefixText =
    `({format:1,strict:${strict},varNames:${JSON.stringify(varNames)},functionNames:${JSON.stringify(functionNames)},` +
    `lexicalNames:${JSON.stringify(lexicalNames)},` +
    (constNames.length > 0 ? `constNames:${JSON.stringify(constNames)},` : '') +
    `globals:${JSON.stringify(globalNames)},functor:function(${p}){${head}`;
  const suffixText = `\n;return ${completion};}})`;
  const { code, map } = emitRecordText(source, edits, prefixText, suffixText, specifier, options.sourceMap);
  return { code, strict, varNames, functionNames, lexicalNames, constNames, globals: globalNames, map, warnings };
}

function parenStartOf(node: t.Node): number {
  const extra = node.extra as { parenStart?: number } | undefined;
  return extra?.parenStart ?? (node.start as number);
}
