/**
 * @hermetic/module-source: the Hermetic compiler. `compileModule` turns ES
 * module text into a ModuleSource record; `compileScript` turns script text
 * (for `eval`, `Function`, `Compartment#evaluate`) into a script record. The
 * record format is specified in docs/record-format.md.
 */
export { compileModule } from './compile-module.js';
export { compileScript } from './compile-script.js';
export type {
  Binding,
  SourceMapV3,
  CompileModuleOptions,
  CompiledModule,
  CompileScriptOptions,
  CompiledScript,
  FunctionKind,
} from './types.js';
