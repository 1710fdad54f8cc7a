/**
 * The text a bundler sees in place of each compartmentalized module:
 * side-effect imports of its dependencies (so the bundler keeps ordering,
 * chunking and tree of files), a `register(…)` call carrying the compiled
 * record, and `export {}` so the file stays an ES module.
 *
 *   import { register as $hermetic$register } from "hermetic:bootstrap"; import "./dep.js"; …; $hermetic$register("src/main.js", "$root$",
 *   ({ format: 1, … })
 *   , { "./dep.js": ["src/dep.js", "$root$"] }, { host: {…}, dynamic: {…} });
 *   export {};
 *
 * The record starts on line 2, column 0, so its source map only needs one
 * line of offset.
 */
import type { SourceMapV3 } from '@hermetic/module-source';

/** The id the bootstrap module is imported by. */
export const BOOTSTRAP_ID = 'hermetic:bootstrap';

/** How a dependency of a module is wired. */
export interface EmittedDependency {
  /** The specifier as written in the module. */
  specifier: string;
  /** Key of the target module in the bundle registry. */
  key: string;
  /** Canonical name of the target's package (or the built-in's name). */
  packageName: string;
  /** `record`: a compartmentalized module; `host`: namespace taken from the bundler (CommonJS, virtual, built-in). */
  kind: 'record' | 'host';
  /** `import()` target rather than a static import. */
  dynamic: boolean;
  /** Import attributes of the static import, if any. */
  attributes?: Record<string, string>;
}

/** What {@link emitRegistration} needs. */
export interface RegistrationInput {
  key: string;
  packageName: string;
  /** `compileModule(…, { format: 'expression' }).code`. */
  recordCode: string;
  recordMap?: SourceMapV3;
  dependencies: EmittedDependency[];
  /**
   * For an entry module whose bundle must export what the module exports (a
   * library): the export names. The module is then linked and run as the
   * bundle evaluates, and its exports re-exported (as values, not live).
   */
  entryExports?: string[];
}

const q = (text: string): string => JSON.stringify(text);

function attributesClause(attributes: Record<string, string> | undefined): string {
  if (attributes === undefined || Object.keys(attributes).length === 0) return '';
  return ` with ${JSON.stringify(attributes)}`;
}

/** Emits the module text (and its source map, shifted by the one prelude line). */
export function emitRegistration(input: RegistrationInput): { code: string; map?: SourceMapV3 } {
  const prelude: string[] = [`import { register as $hermetic$register } from ${q(BOOTSTRAP_ID)};`];
  const deps: string[] = [];
  const host: string[] = [];
  const dynamic: string[] = [];
  const seen = new Set<string>();
  let hostIndex = 0;
  for (const dependency of input.dependencies) {
    const target = `[${q(dependency.key)}, ${q(dependency.packageName)}]`;
    if (!seen.has(dependency.specifier)) deps.push(`${q(dependency.specifier)}: ${target}`);
    seen.add(dependency.specifier);
    if (dependency.dynamic) {
      dynamic.push(`${q(dependency.key)}: () => import(${q(dependency.specifier)})`);
    } else if (dependency.kind === 'host') {
      const local = `$hermetic$host${hostIndex++}`;
      prelude.push(`import * as ${local} from ${q(dependency.specifier)}${attributesClause(dependency.attributes)};`);
      host.push(`${q(dependency.key)}: ${local}`);
    } else {
      prelude.push(`import ${q(dependency.specifier)};`);
    }
  }
  const extras: string[] = [];
  if (host.length > 0) extras.push(`host: { ${host.join(', ')} }`);
  if (dynamic.length > 0) extras.push(`dynamic: { ${dynamic.join(', ')} }`);
  let tail = 'export {};\n';
  if (input.entryExports !== undefined) {
    prelude[0] = `import { register as $hermetic$register, startNow as $hermetic$startNow } from ${q(BOOTSTRAP_ID)};`;
    const locals = input.entryExports.map((name, i) => `const $hermetic$e${i} = $hermetic$ns[${q(name)}];`);
    const names = input.entryExports.map((name, i) => `$hermetic$e${i} as ${q(name)}`);
    tail = `const $hermetic$ns = $hermetic$startNow(${q(input.key)});\n${locals.join('\n')}\nexport { ${names.join(', ')} };\n`;
  }
  const code =
    `${prelude.join(' ')} $hermetic$register(${q(input.key)}, ${q(input.packageName)},\n` +
    `${input.recordCode}\n` +
    `, { ${deps.join(', ')} }${extras.length > 0 ? `, { ${extras.join(', ')} }` : ''});\n${tail}`;
  const map = input.recordMap === undefined ? undefined : { ...input.recordMap, mappings: ';' + input.recordMap.mappings };
  return map === undefined ? { code } : { code, map };
}
