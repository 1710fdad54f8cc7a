/**
 * @hermetic/module-source: the Hermetic compiler. `compileModule` turns ES
 * module text into a ModuleSource record; `compileScript` turns script text
 * (for `eval`, `Function`, `Compartment#evaluate`) into a script record;
 * `compileCommonJS` compiles a CommonJS module body's free references. The
 * record format is specified in docs/record-format.md.
 */
export { compileModule } from './compile-module.js';
export { compileScript } from './compile-script.js';
export { compileCommonJS, COMMONJS_WRAPPER_NAMES } from './compile-commonjs.js';
export type {
  Binding,
  SourceMapV3,
  CompileModuleOptions,
  CompiledModule,
  CompileScriptOptions,
  CompiledScript,
  FunctionKind,
  CompileCommonJSOptions,
  CompiledCommonJS,
  ScopePreludeInfo,
} from './types.js';
