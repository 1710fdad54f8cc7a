/**
 * @hermetic/module-source: the Hermetic compiler. `compileModule` turns ES
 * module text into a ModuleSource record; `compileScript` turns script text
 * (for `eval`, `Function`, `Compartment#evaluate`) into a script record;
 * `compileCommonJS` and `compileModuleInPlace` compile only the free
 * references of a CommonJS body or an ES module, for bundlers that link. The
 * record format is specified in docs/record-format.md.
 */
export { compileModule } from './compile-module.js';
export { compileScript } from './compile-script.js';
export { compileCommonJS, COMMONJS_WRAPPER_NAMES } from './compile-commonjs.js';
export { compileModuleInPlace } from './compile-in-place.js';
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
  CompileModuleInPlaceOptions,
  CompiledInPlace,
  CompiledModuleInPlace,
  ColumnMap,
} from './types.js';
