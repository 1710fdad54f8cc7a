/**
 * compileModule: module text → ModuleSource record text (docs/record-format.md).
 * One parse, one analysis walk, then edits of the original text.
 */
import type * as t from '@babel/types';
import { parseSource } from './parse-source.js';
import { analyze, type Reference } from './scope-analysis.js';
import { readModuleInterface, patternNames } from './module-bindings.js';
import { emitRecordText } from './source-map.js';
import { bindingsLiteral } from './record-literals.js';
import { exportGetter, importSetter } from './instantiation-yield.js';
import { rewriteFreeReference, isAnonymousFunctionDefinition, IMMUTABLE_GLOBALS } from './free-references.js';
import { isWrite, startRewrite, warnDirectEval } from './rewrite-session.js';
import { asciiJson, escapeNonAscii } from './ascii-text.js';
import type { CompileModuleOptions, CompiledModule } from './types.js';

function parenStart(node: t.Node): number {
  const extra = node.extra as { parenStart?: number } | undefined;
  return extra?.parenStart ?? (node.start as number);
}

/** Index of the first `(` at or after `from` that is outside comments. */
function openParenAfter(text: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    const c = text[i];
    if (c === '(') return i;
    if (c === '/' && text[i + 1] === '*') i = text.indexOf('*/', i + 2) + 1;
    else if (c === '/' && text[i + 1] === '/') i = text.indexOf('\n', i);
  }
  return -1;
}

const LIST_PARENTS = new Set(['Program', 'BlockStatement', 'SwitchCase', 'ExportNamedDeclaration', 'StaticBlock']);

/**
 * Compiles ES module text into the text of a ModuleSource record whose functor
 * is a real generator function. Throws a SyntaxError naming
 * `specifier:line:column` (with a code frame) for parse and early errors.
 */
export function compileModule(text: string, options: CompileModuleOptions = {}): CompiledModule {
  const specifier = options.specifier ?? '<anonymous>';
  const file = parseSource(text, specifier, 'module');
  const program = file.program;
  const analysis = analyze(program, true);
  const root = analysis.root;
  const session = startRewrite(text);
  const { p, edits, used, alias, globals, warnings } = session;
  const defaultLocal = `${p}default`;

  const moduleInterface = readModuleInterface(
    program,
    text,
    specifier,
    (name) => {
      if (name === defaultLocal) return 'local';
      const declaration = root.names.get(name);
      if (declaration === undefined) return undefined;
      return declaration.kind === 'import' ? 'import' : declaration.kind === 'namespace' ? 'namespace' : 'local';
    },
    defaultLocal,
  );
  const { localExports } = moduleInterface;

  const notifyArgs = (names: Iterable<string>): string => {
    let out = '';
    for (const name of names) out += `,${asciiJson(name)}`;
    return out;
  };
  const notify = (names: Iterable<string>): string => `${alias('x')}(0${notifyArgs(names)})`;

  // Destructuring assignments and for-in/of heads: one notification per owner.
  const ownerNames = new Map<t.Node, Set<string>>();
  const addOwnerNames = (owner: t.Node, names: string[]): void => {
    let set = ownerNames.get(owner);
    if (set === undefined) ownerNames.set(owner, (set = new Set()));
    for (const name of names) set.add(name);
  };

  // Import locals start undefined; only a nullish value can mean "not initialised yet", and then
  // `$hk(i)` asks the runtime whether import entry i is initialised (returning its real value) or throws.
  const importIndex = new Map(moduleInterface.imports.map((entry, index) => [entry.local, index]));
  const holeCheck = (name: string): string => `(${name}??${alias('k')}(${importIndex.get(name)}))`;
  const throwingTarget = (name: string, read: string): string =>
    `({ get _() { return ${read}; }, set _(${p}v) { ${alias('c')}(${asciiJson(name)}); } })._`;

  const rewriteReference = (ref: Reference): void => {
    const node = ref.node;
    const name = node.name;
    const declaration = ref.scope.lookup(name);
    const start = node.start as number;
    const end = node.end as number;
    const key = ref.shorthand ? `${name}: ` : '';
    if (declaration === undefined) {
      if (ref.role === 'export' || IMMUTABLE_GLOBALS.has(name)) return;
      rewriteFreeReference(ref, edits, alias, globals);
      warnDirectEval(session, ref, text, specifier, 'module locals');
      return;
    }
    if (declaration.scope !== root || ref.role === 'export') return;
    const write = isWrite(ref);
    if (declaration.kind === 'import') {
      edits.replace(start, end, key + (write ? throwingTarget(name, holeCheck(name)) : holeCheck(name)));
      return;
    }
    if (declaration.kind === 'namespace') {
      if (write) edits.replace(start, end, key + throwingTarget(name, name));
      return;
    }
    const names = localExports.get(name);
    if (names === undefined || !write) return;
    const owner = ref.owner as t.Node;
    if (ref.role === 'pattern') addOwnerNames(owner, names);
    else edits.wrap(owner.start as number, owner.end as number, `${alias('x')}(`, `${notifyArgs(names)})`);
  };
  for (const ref of analysis.references) rewriteReference(ref);

  const wrapLoopBody = (loop: t.ForInStatement | t.ForOfStatement, names: Iterable<string>): void => {
    const body = loop.body;
    if (body.type === 'BlockStatement') {
      edits.wrap((body.start as number) + 1, (body.end as number) - 1, `${notify(names)};`, '', true);
    } else {
      edits.wrap(body.start as number, body.end as number, `{${notify(names)};`, '}', true);
    }
  };
  for (const [owner, names] of ownerNames) {
    if (owner.type === 'ForInStatement' || owner.type === 'ForOfStatement') wrapLoopBody(owner, names);
    else edits.wrap(owner.start as number, owner.end as number, `${alias('x')}(`, `${notifyArgs(names)})`);
  }

  // Initialisations of exported top-level bindings.
  const hoisted: string[] = [];
  const appendAfterStatement = (statement: t.Node, code: string): void => {
    const end = statement.end as number;
    edits.wrap(statement.start as number, end, '', text[end - 1] === ';' ? `${code};` : `;${code};`, true);
  };
  for (const { node, parent, annexB } of analysis.rootDeclarations) {
    if (annexB) continue;
    if (node.type === 'FunctionDeclaration') {
      for (const name of localExports.get((node.id as t.Identifier).name) ?? []) hoisted.push(name);
      continue;
    }
    if (node.type === 'ClassDeclaration') {
      const names = localExports.get((node.id as t.Identifier).name);
      if (names) appendAfterStatement(parent.type === 'ExportNamedDeclaration' || parent.type === 'ExportDefaultDeclaration' ? parent : node, notify(names));
      continue;
    }
    const perDeclarator = node.declarations.map((declarator) =>
      patternNames(declarator.id).flatMap((id) => localExports.get(id.name) ?? []),
    );
    if (node.kind === 'var') for (const names of perDeclarator) hoisted.push(...names);
    if (!perDeclarator.some((names) => names.length > 0)) continue;
    if (parent.type === 'ForInStatement' || parent.type === 'ForOfStatement') {
      if (parent.left === node) {
        wrapLoopBody(parent, perDeclarator.flat());
        continue;
      }
    }
    const statementLevel = LIST_PARENTS.has(parent.type);
    const last = node.declarations.length - 1;
    node.declarations.forEach((declarator, index) => {
      const names = perDeclarator[index];
      if (names.length === 0) return;
      if (index === last && statementLevel) {
        appendAfterStatement(parent.type === 'ExportNamedDeclaration' ? parent : node, notify(names));
      } else {
        edits.wrap(declarator.start as number, declarator.end as number, '', `,{}=${alias('x')}(0${notifyArgs(names)})`);
      }
    });
  }

  // Import and export declarations.
  let defaultNameFix = false;
  const removeStatement = (node: t.Node): void => {
    const start = node.start as number;
    const end = node.end as number;
    const lines = text.slice(start, end).split('\n').length - 1;
    edits.replace(start, end, '\n'.repeat(lines));
  };
  for (const statement of program.body) {
    switch (statement.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
        removeStatement(statement);
        break;
      case 'ExportNamedDeclaration':
        if (statement.declaration) edits.replace(statement.start as number, statement.declaration.start as number, '');
        else removeStatement(statement);
        break;
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration;
        const start = statement.start as number;
        if (declaration.type === 'FunctionDeclaration') {
          edits.replace(start, declaration.start as number, '');
          if (!declaration.id) {
            edits.wrap(openParenAfter(text, declaration.start as number), declaration.end as number, ` ${defaultLocal}`, '');
            hoisted.push('default');
            defaultNameFix = true;
          }
          break;
        }
        if (declaration.type === 'ClassDeclaration' && declaration.id) {
          edits.replace(start, declaration.start as number, '');
          break; // notified with the class's other names above
        }
        const anonymous = isAnonymousFunctionDefinition(declaration) || (declaration.type === 'ClassDeclaration' && !declaration.id);
        const expressionStart = declaration.type === 'ClassDeclaration' ? (declaration.start as number) : parenStart(declaration);
        let end = statement.end as number;
        const hasSemicolon = text[end - 1] === ';';
        if (hasSemicolon) end -= 1;
        edits.replace(start, expressionStart, `const ${defaultLocal} = ${anonymous ? '{ default: ' : ''}`);
        edits.wrap(expressionStart, end, '', `${anonymous ? ' }.default' : ''}${hasSemicolon ? '' : ';'}`);
        edits.wrap(start, statement.end as number, '', `${notify(['default'])};`, true);
        break;
      }
      default:
        break;
    }
  }

  // A hashbang line cannot stay inside the functor.
  if (program.interpreter) edits.replace(program.interpreter.start as number, program.interpreter.end as number, '');
  for (const meta of analysis.importMetas) edits.replace(meta.start as number, meta.end as number, `${p}.m`);
  for (const call of analysis.importExpressions) edits.replace(call.start as number, parenStart(call.source), `${p}.i(`);

  // Namespace imports exported locally are set at link time.
  for (const entry of moduleInterface.imports) {
    if (entry.namespace) for (const name of localExports.get(entry.local) ?? []) hoisted.push(name);
  }


  // The prologue: aliases, import locals, the instantiation yield.
  const setter = importSetter(p, moduleInterface.imports.map((entry) => entry.local));
  const getter = exportGetter(p, [...moduleInterface.exportLocals.values()]);
  const importLocals = moduleInterface.imports.map((entry) => entry.local);
  const aliases = [...used].sort().map((member) => `${p}${member}=${p}.${member}`);
  const module = (options.format ?? 'module') === 'module';
  // Module text is strict already; an expression may land in a sloppy script.
  let prologue = module ? '' : '"use strict";';
  if (aliases.length > 0) prologue += `const ${aliases.join(',')};`;
  if (importLocals.length > 0) prologue += `let ${importLocals.join(',')};`;
  if (defaultNameFix) prologue += `({}).constructor.defineProperty(${defaultLocal},"name",{value:"default"});`;
  prologue += `yield[${setter},${getter},${asciiJson(hoisted)}];`;

  const hasTopLevelAwait = analysis.hasTopLevelAwait;
  const needsImport = analysis.importExpressions.length > 0;
  const needsImportMeta = analysis.importMetas.length > 0;
  const globalNames = globals.names();
  let header = `{format:2,bindings:${bindingsLiteral(moduleInterface.bindings)},`;
  if (needsImport) header += 'needsImport:true,';
  if (needsImportMeta) header += 'needsImportMeta:true,';
  if (hasTopLevelAwait) header += 'hasTopLevelAwait:true,';
  header += `globals:${asciiJson(globalNames)},functor:(${hasTopLevelAwait ? 'async ' : ''}function*(${p}){${prologue}`;
  const prefixText = module ? `export default${header}` : `(${header}`;
  // The parentheses make V8 compile the functor eagerly instead of pre-parsing it and parsing it again on the first call.
  const suffixText = module ? '\n})};\n' : '\n})})';
  escapeNonAscii(file, text, edits);
  const { code, map } = emitRecordText(text, edits, prefixText, suffixText, specifier, options.sourceMap);

  return {
    bindings: moduleInterface.bindings,
    needsImport,
    needsImportMeta,
    hasTopLevelAwait,
    globals: globalNames,
    code,
    map,
    warnings,
  };
}
