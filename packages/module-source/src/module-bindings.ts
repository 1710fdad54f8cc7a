/**
 * The static analysis of a module in the proposal's shapes (the record's
 * `bindings`), plus what the rewriter needs to know about each export: which
 * local it reads and under which names it is exported.
 */
import type * as t from '@babel/types';
import type { Binding } from './types.js';
import { sourceError } from './parse-source.js';

/** An import entry (one setter each): its local name and whether it is a namespace. */
export interface ImportEntry {
  readonly local: string;
  readonly namespace: boolean;
}

/** What the module imports and exports. */
export interface ModuleInterface {
  readonly bindings: Binding[];
  readonly imports: ImportEntry[];
  /** Local name → the export names it is exported as (local exports only). */
  readonly localExports: Map<string, string[]>;
  /** Local exports by export name → local name, in source order. */
  readonly exportLocals: Map<string, string>;
}

function nameOf(node: t.Identifier | t.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}

function attributesOf(node: { attributes?: t.ImportAttribute[] | null }): Record<string, string> | undefined {
  const list = node.attributes;
  if (!list || list.length === 0) return undefined;
  const entries = list.map((a) => [nameOf(a.key), a.value.value] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

function withAttributes<T extends Binding>(binding: T, attributes: Record<string, string> | undefined): T {
  return attributes === undefined ? binding : { ...binding, attributes };
}

/** Every name a binding pattern binds, in source order. */
export function patternNames(node: t.Node, out: t.Identifier[] = []): t.Identifier[] {
  switch (node.type) {
    case 'Identifier':
      out.push(node);
      break;
    case 'ObjectPattern':
      for (const property of node.properties) patternNames(property.type === 'RestElement' ? property.argument : property.value, out);
      break;
    case 'ArrayPattern':
      for (const element of node.elements) if (element) patternNames(element, out);
      break;
    case 'AssignmentPattern':
      patternNames(node.left, out);
      break;
    case 'RestElement':
      patternNames(node.argument, out);
      break;
    default:
      break;
  }
  return out;
}

/**
 * Reads the import and export declarations of a module body. `isImport(name)`
 * tells whether a root-scope name is an import binding (indirect export) and
 * `defaultLocal` names the local of an anonymous `export default`.
 */
export function readModuleInterface(
  program: t.Program,
  text: string,
  specifier: string,
  importKind: (name: string) => 'import' | 'namespace' | 'local' | undefined,
  defaultLocal: string,
): ModuleInterface {
  const bindings: Binding[] = [];
  const imports: ImportEntry[] = [];
  const localExports = new Map<string, string[]>();
  const exportLocals = new Map<string, string>();
  const exportedNames = new Set<string>();

  const exportName = (name: string, node: t.Node): void => {
    if (exportedNames.has(name)) {
      const loc = node.loc?.start ?? { line: 1, column: 0 };
      throw sourceError(text, specifier, `Duplicate export of '${name}'`, loc.line, loc.column);
    }
    exportedNames.add(name);
  };
  const exportLocal = (local: string, name: string, node: t.Node): void => {
    exportName(name, node);
    const kind = importKind(local);
    if (kind === undefined) {
      const loc = node.loc?.start ?? { line: 1, column: 0 };
      throw sourceError(text, specifier, `Export '${local}' is not defined in the module`, loc.line, loc.column);
    }
    if (kind === 'import') return; // an indirect export: the runtime links it to the imported module
    const names = localExports.get(local);
    if (names === undefined) localExports.set(local, [name]);
    else names.push(name);
    exportLocals.set(name, local);
  };

  for (const statement of program.body) {
    switch (statement.type) {
      case 'ImportDeclaration': {
        const from = statement.source.value;
        const attributes = attributesOf(statement);
        if (statement.specifiers.length === 0) bindings.push(withAttributes({ importFrom: from }, attributes));
        for (const specifier of statement.specifiers) {
          const local = specifier.local.name;
          if (specifier.type === 'ImportDefaultSpecifier') {
            bindings.push(withAttributes({ import: 'default', as: local, from }, attributes));
          } else if (specifier.type === 'ImportNamespaceSpecifier') {
            bindings.push(withAttributes({ importAllFrom: from, as: local }, attributes));
          } else {
            const imported = nameOf(specifier.imported);
            bindings.push(withAttributes(imported === local ? { import: imported, from } : { import: imported, as: local, from }, attributes));
          }
          imports.push({ local, namespace: specifier.type === 'ImportNamespaceSpecifier' });
        }
        break;
      }
      case 'ExportNamedDeclaration': {
        const declaration = statement.declaration;
        if (declaration) {
          const ids =
            declaration.type === 'VariableDeclaration'
              ? declaration.declarations.flatMap((d) => patternNames(d.id))
              : 'id' in declaration && declaration.id && declaration.id.type === 'Identifier' ? [declaration.id] : [];
          for (const id of ids) {
            bindings.push({ export: id.name });
            exportLocal(id.name, id.name, id);
          }
          break;
        }
        if (statement.source) {
          const from = statement.source.value;
          const attributes = attributesOf(statement);
          if (statement.specifiers.length === 0) bindings.push(withAttributes({ importFrom: from }, attributes));
          for (const specifier of statement.specifiers) {
            if (specifier.type === 'ExportNamespaceSpecifier') {
              const as = nameOf(specifier.exported);
              exportName(as, specifier);
              bindings.push(withAttributes({ exportAllFrom: from, as }, attributes));
            } else if (specifier.type === 'ExportSpecifier') {
              const local = nameOf(specifier.local);
              const as = nameOf(specifier.exported);
              exportName(as, specifier);
              bindings.push(withAttributes(local === as ? { export: local, from } : { export: local, as, from }, attributes));
            }
          }
          break;
        }
        for (const specifier of statement.specifiers) {
          if (specifier.type !== 'ExportSpecifier') continue;
          const local = nameOf(specifier.local);
          const as = nameOf(specifier.exported);
          bindings.push(local === as ? { export: local } : { export: local, as });
          exportLocal(local, as, specifier);
        }
        break;
      }
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration;
        const named =
          (declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id
            ? declaration.id.name
            : defaultLocal;
        bindings.push({ export: 'default' });
        exportLocal(named, 'default', statement);
        break;
      }
      case 'ExportAllDeclaration':
        bindings.push(withAttributes({ exportAllFrom: statement.source.value }, attributesOf(statement)));
        break;
      default:
        break;
    }
  }
  return { bindings, imports, localExports, exportLocals };
}
