/**
 * Wires @hermetic/module-source into the runtime for Node: record text is
 * turned into a record object with the host's `Function` (the one place
 * Hermetic evaluates a string), while the code inside still resolves every
 * free name against its own global through `$h.g`. The runtime's
 * `installCompiler` also installs its script evaluator (global declarations,
 * script scopes, `Function`), which browser bundles without a compiler never
 * carry.
 */
import { compileModule, compileScript } from '@hermetic/module-source';
import { installCompiler, type ModuleRecord, type ScriptRecord } from '@hermetic/runtime';
import { CompiledCache } from './compiled-cache.js';

const hostFunction = Function;

function materialize<T>(code: string): T {
  return hostFunction(`return ${code}`)() as T;
}

const moduleCode = new CompiledCache<string>(256);
const scriptRecords = new CompiledCache<ScriptRecord>(512);

/** Installs the compiler; called once by the package entry. */
export function installNodeCompiler(): void {
  installCompiler({
    compileModule(text, options) {
      const code = moduleCode.get(`${options.specifier ?? ''}\u0000${text}`, () => {
        const compiled = compileModule(text, {
          format: 'expression',
          ...(options.specifier === undefined ? {} : { specifier: options.specifier }),
        });
        return compiled.code;
      });
      // A fresh record each time: the runtime may keep and the caller may mutate its bindings.
      return materialize<ModuleRecord>(code);
    },
    compileScript(text, options) {
      const body = options.functionBody;
      const key = [options.strict === true ? 's' : '', body?.kind ?? '', body?.params ?? '', options.specifier ?? '', text].join('\u0000');
      return scriptRecords.get(key, () => {
        const compiled = compileScript(text, {
          ...(options.strict === undefined ? {} : { strict: options.strict }),
          ...(body === undefined ? {} : { functionBody: body }),
          ...(options.specifier === undefined ? {} : { specifier: options.specifier }),
        });
        const record = materialize<ScriptRecord>(compiled.code);
        for (const list of [record.varNames, record.functionNames, record.lexicalNames, record.globals]) Object.freeze(list);
        return Object.freeze(record);
      });
    },
  });
}
