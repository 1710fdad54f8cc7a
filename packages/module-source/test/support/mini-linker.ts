/**
 * A small test-only linker for compiled module records, written from
 * docs/record-format.md: instantiate (first yield), link setters to the
 * exporters' getters, publish hoisted exports, then evaluate depth-first.
 * It exists so the compiler can be tested against native Node before (and
 * independently of) the real runtime.
 */
import { compileModule } from '../../src/index.js';
import type { Binding } from '../../src/index.js';

type Setter = (value: unknown) => void;
type Getter = () => unknown;

interface Record {
  format: 2;
  bindings: Binding[];
  globals: string[];
  hasTopLevelAwait?: boolean;
  functor: (handle: object) => Iterator<unknown> | AsyncIterator<unknown>;
}

interface Instance {
  specifier: string;
  record: Record;
  iterator: Iterator<unknown> | AsyncIterator<unknown>;
  setters: Setter[];
  getters: { [name: string]: Getter };
  hoisted: string[];
  subscribers: Map<string, Setter[]>;
  /** Export names whose binding has been published (initialised). */
  published: Set<string>;
  /** Per import entry: the owning instance and local export name it linked to. */
  importTargets: Array<[Instance, string] | undefined>;
  namespace?: object;
  state: 'new' | 'evaluating' | 'done' | 'failed';
  error?: unknown;
  evaluation?: Promise<void>;
}

/** Builds `$hg` for one instance as the contract's unfrozen-global form. */
export function globalScopeObject(globalObject: object, names: string[]): object {
  const scope = Object.create(null) as object;
  const target = globalObject as { [name: string]: unknown };
  for (const name of names) {
    Object.defineProperty(scope, name, {
      get() {
        if (!(name in target)) throw new ReferenceError(`${name} is not defined`);
        return target[name];
      },
      set(value: unknown) {
        if (!(name in target)) throw new ReferenceError(`${name} is not defined`);
        target[name] = value;
      },
    });
  }
  return scope;
}

function resolveSpecifier(from: string, request: string): string {
  if (!request.startsWith('.')) return request;
  const parts = from.split('/').slice(0, -1);
  for (const part of request.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/** A graph of modules given as text, compiled and linked on demand. */
export class MiniLinker {
  private readonly instances = new Map<string, Instance>();

  constructor(
    private readonly files: Map<string, string>,
    private readonly globalObject: object = globalThis,
  ) {}

  private instantiate(specifier: string): Instance {
    const existing = this.instances.get(specifier);
    if (existing) return existing;
    const text = this.files.get(specifier);
    if (text === undefined) throw new Error(`no module ${specifier}`);
    const { code } = compileModule(text, { specifier, format: 'expression' });
    const record = new Function(`return ${code}`)() as Record;
    const instance = { specifier, record, subscribers: new Map(), published: new Set(), importTargets: [], state: 'new' } as unknown as Instance;
    this.instances.set(specifier, instance);
    const handle = {
      g: globalScopeObject(this.globalObject, record.globals),
      k: (index: number): unknown => {
        const target = instance.importTargets[index];
        if (target !== undefined && target[0].published.has(target[1])) return target[0].getters[target[1]]();
        const entries = record.bindings.filter((b) => 'import' in b || 'importAllFrom' in b) as Array<{ import?: string; as?: string }>;
        throw new ReferenceError(`Cannot access '${entries[index].as ?? entries[index].import}' before initialization`);
      },
      c(name: string): never {
        throw new TypeError(`Assignment to constant variable '${name}'`);
      },
      x: (value: unknown, ...names: string[]) => {
        for (const name of names) this.publish(instance, name);
        return value;
      },
      y: (name: string) => (name in this.globalObject ? typeof (this.globalObject as { [k: string]: unknown })[name] : 'undefined'),
      i: (request: string) => this.import(resolveSpecifier(specifier, request)),
      m: { url: specifier },
    };
    instance.iterator = record.functor.call(undefined, handle);
    return instance;
  }

  private async start(instance: Instance): Promise<void> {
    const first = await instance.iterator.next();
    // Format 2: one setter by import entry index, one getter by local export index (0 when none).
    const [set, get, hoisted] = first.value as [((index: number, value: unknown) => void) | 0, ((index: number) => unknown) | 0, string[]];
    const bindings = instance.record.bindings;
    const importEntries = bindings.filter((b) => 'import' in b || 'importAllFrom' in b) as Array<{ import?: string; importAllFrom?: string; as?: string }>;
    if (importEntries.length > 0 && typeof set !== 'function') throw new TypeError('no setter function');
    const setters: Setter[] = importEntries.map((_, index) => (value: unknown) => (set as (index: number, value: unknown) => void)(index, value));
    // Exporting a (non-namespace) import is an indirect export: no getter.
    const importedLocals = new Set(importEntries.filter((b) => b.import !== undefined).map((b) => b.as ?? b.import));
    const getters = Object.create(null) as { [name: string]: Getter };
    let index = 0;
    for (const b of bindings) {
      if (!('export' in b) || b.from !== undefined || importedLocals.has(b.export)) continue;
      const at = index++;
      Object.defineProperty(getters, b.as ?? b.export, { value: () => (get as (index: number) => unknown)(at), enumerable: true });
    }
    if (index > 0 && typeof get !== 'function') throw new TypeError('no getter function');
    Object.assign(instance, { setters, getters, hoisted });
  }

  private publish(instance: Instance, name: string): void {
    instance.published.add(name);
    const value = instance.getters[name]();
    for (const setter of instance.subscribers.get(name) ?? []) setter(value);
  }

  private requests(instance: Instance): string[] {
    const out: string[] = [];
    for (const b of instance.record.bindings) {
      const from = 'from' in b ? b.from : 'importAllFrom' in b ? b.importAllFrom : 'exportAllFrom' in b ? b.exportAllFrom : 'importFrom' in b ? b.importFrom : undefined;
      if (from !== undefined) {
        const resolved = resolveSpecifier(instance.specifier, from);
        if (!out.includes(resolved)) out.push(resolved);
      }
    }
    return out;
  }

  /** Finds the module and local export name that `name` of `instance` resolves to. */
  private resolveExport(instance: Instance, name: string, seen = new Set<string>()): [Instance, string] | 'namespace-of' | undefined {
    const key = `${instance.specifier}\0${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    if (name in instance.getters) return [instance, name];
    const importOf = (local: string): Binding | undefined =>
      instance.record.bindings.find((b) => ('import' in b && (b.as ?? b.import) === local));
    for (const b of instance.record.bindings) {
      if ('export' in b && (b.as ?? b.export) === name) {
        if (b.from !== undefined) return this.resolveExport(this.instances.get(resolveSpecifier(instance.specifier, b.from)) as Instance, b.export, seen);
        const imported = importOf(b.export);
        if (imported && 'import' in imported) {
          return this.resolveExport(this.instances.get(resolveSpecifier(instance.specifier, imported.from)) as Instance, imported.import, seen);
        }
      }
      if ('exportAllFrom' in b && b.as === name) return 'namespace-of';
    }
    if (name === 'default') return undefined;
    let found: [Instance, string] | undefined;
    for (const b of instance.record.bindings) {
      if ('exportAllFrom' in b && b.as === undefined) {
        const r = this.resolveExport(this.instances.get(resolveSpecifier(instance.specifier, b.exportAllFrom)) as Instance, name, seen);
        if (Array.isArray(r)) {
          if (found && (found[0] !== r[0] || found[1] !== r[1])) throw new SyntaxError(`ambiguous export ${name}`);
          found = r;
        }
      }
    }
    return found;
  }

  private exportNames(instance: Instance, seen = new Set<Instance>()): Set<string> {
    const names = new Set<string>();
    if (seen.has(instance)) return names;
    seen.add(instance);
    for (const b of instance.record.bindings) {
      if ('export' in b) names.add(b.as ?? b.export);
      else if ('exportAllFrom' in b && b.as !== undefined) names.add(b.as);
    }
    for (const b of instance.record.bindings) {
      if ('exportAllFrom' in b && b.as === undefined) {
        const target = this.instances.get(resolveSpecifier(instance.specifier, b.exportAllFrom)) as Instance;
        for (const n of this.exportNames(target, seen)) if (n !== 'default') names.add(n);
      }
    }
    return names;
  }

  namespaceOf(instance: Instance): object {
    if (instance.namespace) return instance.namespace;
    const ns = Object.create(null) as object;
    for (const name of [...this.exportNames(instance)].sort()) {
      let r: ReturnType<MiniLinker['resolveExport']>;
      try {
        r = this.resolveExport(instance, name);
      } catch {
        continue;
      }
      if (r === undefined) continue;
      if (r === 'namespace-of') {
        const b = instance.record.bindings.find((e) => 'exportAllFrom' in e && e.as === name) as { exportAllFrom: string };
        const target = this.instances.get(resolveSpecifier(instance.specifier, b.exportAllFrom)) as Instance;
        Object.defineProperty(ns, name, { enumerable: true, get: () => this.namespaceOf(target) });
        continue;
      }
      const [owner, local] = r;
      Object.defineProperty(ns, name, { enumerable: true, get: () => owner.getters[local]() });
    }
    Object.defineProperty(ns, Symbol.toStringTag, { value: 'Module' });
    instance.namespace = Object.preventExtensions(ns);
    return ns;
  }

  private async loadAll(specifier: string, order: Instance[]): Promise<Instance> {
    const known = this.instances.has(specifier);
    const instance = this.instantiate(specifier);
    if (known) return instance;
    await this.start(instance);
    order.push(instance);
    for (const request of this.requests(instance)) await this.loadAll(request, order);
    return instance;
  }

  private link(instance: Instance): void {
    let setterIndex = 0;
    for (const b of instance.record.bindings) {
      if ('import' in b) {
        const setter = instance.setters[setterIndex++];
        const target = this.instances.get(resolveSpecifier(instance.specifier, b.from)) as Instance;
        const r = this.resolveExport(target, b.import);
        if (r === undefined) throw new SyntaxError(`${instance.specifier} imports missing '${b.import}'`);
        if (r === 'namespace-of') {
          const e = target.record.bindings.find((x) => 'exportAllFrom' in x && x.as === b.import) as { exportAllFrom: string };
          setter(this.namespaceOf(this.instances.get(resolveSpecifier(target.specifier, e.exportAllFrom)) as Instance));
          continue;
        }
        const [owner, local] = r;
        instance.importTargets[setterIndex - 1] = [owner, local];
        const list = owner.subscribers.get(local) ?? [];
        list.push(setter);
        owner.subscribers.set(local, list);
      } else if ('importAllFrom' in b) {
        const setter = instance.setters[setterIndex++];
        setter(this.namespaceOf(this.instances.get(resolveSpecifier(instance.specifier, b.importAllFrom)) as Instance));
      }
    }
  }

  private async evaluate(instance: Instance): Promise<void> {
    if (instance.state === 'failed') throw instance.error;
    if (instance.state !== 'new') return instance.evaluation;
    instance.state = 'evaluating';
    const run = async (): Promise<void> => {
      for (const request of this.requests(instance)) {
        const dep = this.instances.get(request) as Instance;
        if (dep.state === 'evaluating') continue; // a cycle
        await this.evaluate(dep);
      }
      try {
        await instance.iterator.next();
        instance.state = 'done';
      } catch (error) {
        instance.state = 'failed';
        instance.error = error;
        throw error;
      }
    };
    instance.evaluation = run();
    return instance.evaluation;
  }

  /** Loads, links and evaluates `specifier`; resolves to its namespace object. */
  async import(specifier: string): Promise<object> {
    const order: Instance[] = [];
    const entry = await this.loadAll(specifier, order);
    for (const instance of order) this.link(instance);
    for (const instance of order) for (const name of instance.hoisted) this.publish(instance, name);
    await this.evaluate(entry);
    return this.namespaceOf(entry);
  }
}
