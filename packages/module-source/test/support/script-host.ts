/**
 * A test-only host for script records, written from docs/record-format.md
 * ("Script records"): GlobalDeclarationInstantiation over one global object
 * and its lexical record, a `$hg` whose accessors resolve lexical first, then
 * the global object, and a functor called with `this` = the global.
 */
import { compileScript } from '../../src/index.js';
import type { CompileScriptOptions } from '../../src/index.js';

interface ScriptRecord {
  strict: boolean;
  varNames: string[];
  functionNames: string[];
  lexicalNames: string[];
  globals: string[];
  functor: (this: object, handle: object) => unknown;
}

interface LexicalBinding {
  value?: unknown;
  initialized: boolean;
  constant: boolean;
}

/** One global object plus its global lexical record, shared by every script run in it. */
export class ScriptHost {
  readonly lexical = new Map<string, LexicalBinding>();
  constructor(readonly global: { [name: string]: unknown } = Object.create(null) as { [name: string]: unknown }) {}

  private scopeObject(names: string[], strict: boolean): object {
    const scope = Object.create(null) as object;
    const host = this;
    for (const name of names) {
      Object.defineProperty(scope, name, {
        get() {
          const binding = host.lexical.get(name);
          if (binding) {
            if (!binding.initialized) throw new ReferenceError(`Cannot access '${name}' before initialization`);
            return binding.value;
          }
          if (!(name in host.global)) throw new ReferenceError(`${name} is not defined`);
          return host.global[name];
        },
        set(value: unknown) {
          const binding = host.lexical.get(name);
          if (binding) {
            if (!binding.initialized) throw new ReferenceError(`Cannot access '${name}' before initialization`);
            if (binding.constant) throw new TypeError(`Assignment to constant variable '${name}'`);
            binding.value = value;
            return;
          }
          if (!(name in host.global) && strict) throw new ReferenceError(`${name} is not defined`);
          host.global[name] = value;
        },
      });
    }
    return scope;
  }

  /** Compiles and runs `text` as a script of this global; returns the completion value. */
  run(text: string, options: CompileScriptOptions = {}): unknown {
    const { code } = compileScript(text, options);
    const record = new Function(`return ${code}`)() as ScriptRecord;
    for (const name of record.lexicalNames) {
      if (this.lexical.has(name)) throw new SyntaxError(`Identifier '${name}' has already been declared`);
    }
    for (const name of [...record.varNames, ...record.functionNames]) {
      if (this.lexical.has(name) || record.lexicalNames.includes(name)) throw new SyntaxError(`Identifier '${name}' has already been declared`);
    }
    const constants = new Set<string>(constNames(text));
    for (const name of record.lexicalNames) this.lexical.set(name, { initialized: false, constant: constants.has(name) });
    for (const name of record.varNames) if (!(name in this.global)) this.global[name] = undefined;
    const names = [...new Set([...record.globals, ...record.varNames, ...record.functionNames, ...record.lexicalNames])];
    const handle = {
      g: this.scopeObject(names, record.strict),
      y: (name: string) => {
        const binding = this.lexical.get(name);
        if (binding) {
          if (!binding.initialized) throw new ReferenceError(`Cannot access '${name}' before initialization`);
          return typeof binding.value;
        }
        return name in this.global ? typeof this.global[name] : 'undefined';
      },
      l: (name: string, value: unknown) => {
        const binding = this.lexical.get(name) as LexicalBinding;
        binding.value = value;
        binding.initialized = true;
        return value;
      },
      i: () => Promise.reject(new Error('no dynamic import in the test host')),
    };
    return record.functor.call(this.global, handle);
  }
}

/** The names of top-level `const` declarations (test-only approximation: simple identifiers). */
function constNames(text: string): string[] {
  return [...text.matchAll(/(?:^|[;\n])\s*const\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]);
}
