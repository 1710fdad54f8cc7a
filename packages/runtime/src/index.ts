/**
 * @hermetic/runtime — the proposals' APIs over precompiled records. No
 * dependencies, never evaluates a string (see compiler-slot.ts).
 */
export { ModuleSource } from './module-source.js';
export { Module } from './module.js';
export { Compartment } from './compartment.js';
export { Evaluators } from './evaluators.js';
export { Global } from './global.js';
export { hermeticEval } from './hermetic-eval.js';
export { spawn } from './spawn.js';
export { installCompiler } from './install-compiler.js';
export { runScriptRecord } from './script-evaluation.js';
export type { InstalledCompiler } from './compiler-slot.js';
export type { ScriptEnvironment, ScriptEvaluationOptions } from './script-evaluation.js';
export type { Binding, ModuleRecord, ScriptRecord, ModuleHandle, ScriptHandle } from './record-types.js';
export type { ImportHook, ModuleEnvironment, ModuleHandler } from './module.js';
export type { ModuleSourceHandler } from './module-source.js';
export type { VirtualModuleSource, VirtualModuleContext } from './virtual-source.js';
export type { CompartmentOptions } from './compartment.js';
