/**
 * hermetic: the runtime of @hermetic/runtime with the compiler wired in, for
 * Node. `new ModuleSource(text)`, `Global#eval`, each global's `Function`,
 * `Compartment#evaluate`, `hermeticEval` and the evaluators of `spawn`
 * sandboxes compile text at run time; the evaluated code still sees only its
 * own global.
 */
import { installNodeCompiler } from './install-compiler.js';

installNodeCompiler();

export { ModuleSource, Module, Evaluators, Global, Compartment, hermeticEval, spawn } from '@hermetic/runtime';
