/**
 * spawn(bindings?, subset?) through the `hermetic` package (CONFORMANCE 48):
 * sandboxes behind revocable membranes, forming a tree, with deactivation
 * refused while sandbox code runs and a strict subset that composes down.
 */
import { spawn } from 'hermetic';

type Bag = Record<PropertyKey, unknown>;
type SandboxGlobal = Bag & { eval: (source: string) => unknown };

const globalOf = (sandbox: ReturnType<typeof spawn>): SandboxGlobal => sandbox.globalThis as SandboxGlobal;

describe('spawn (item 48)', () => {
  test('a sandbox has the standard built-ins and its bindings, not the host globals', () => {
    const sandbox = spawn({ greeting: 'hello' });
    const g = globalOf(sandbox);
    expect(g.eval('greeting + " " + typeof Array + " " + typeof process')).toBe('hello function undefined');
    expect(g.eval('typeof console')).toBe('undefined');
    expect(g.eval('globalThis.greeting')).toBe('hello');
    expect(g.globalThis).toBe(g);
    expect(g.eval('globalThis')).toBe(g);
    expect(g.eval('this')).toBe(g);
    expect(g).not.toBe(globalThis);
  });

  test("a sloppy sandbox's functions never see the host global as this", () => {
    const g = globalOf(spawn());
    expect(g.eval('(function () { return this; })() === globalThis')).toBe(true);
    expect(g.eval('typeof (function () { return this; })().process')).toBe('undefined');
    expect(g.eval('Function("return this")() === globalThis')).toBe(true);
  });

  test('accessor and symbol bindings cross through the membrane; deactivate is idempotent', () => {
    const tag = Symbol('tag');
    let reads = 0;
    const bindings = {
      get counter() {
        reads += 1;
        return { reads };
      },
      [tag]: 'symbol-keyed',
    };
    const sandbox = spawn(bindings);
    const g = globalOf(sandbox);
    expect(g.eval('counter.reads + counter.reads')).toBe(3);
    expect(g[tag]).toBe('symbol-keyed');
    sandbox.deactivate('first');
    sandbox.deactivate('again');
    expect(() => g.eval('1')).toThrow(/\(first\)/);
  });

  test('bad arguments are TypeErrors', () => {
    expect(() => spawn(5 as never)).toThrow(TypeError);
    expect(() => spawn(undefined, 'sloppy' as never)).toThrow(/'strict'/);
  });

  test('a sandbox has no module loader: import() rejects', async () => {
    const g = globalOf(spawn());
    await expect(g.eval('import("node:fs")') as Promise<unknown>).rejects.toThrow(/no module loader/);
  });

  test('objects crossing keep identity per object and unwrap on the way back', () => {
    const token = { secret: 1 };
    const sandbox = spawn({ token });
    const g = globalOf(sandbox);
    expect(g.eval('token')).toBe(token);
    const made1 = g.eval('globalThis.made = { inside: true }; made');
    const made2 = g.eval('made');
    expect(made1).toBe(made2);
    expect((made1 as Bag).inside).toBe(true);
    const identity = g.eval('(x) => x') as (x: unknown) => unknown;
    expect(identity(token)).toBe(token);
    expect(identity(made1)).toBe(made1);
    expect(g.eval('(x) => x === made') as (x: unknown) => boolean).toBeTruthy();
    expect((g.eval('(x) => x === made') as (x: unknown) => boolean)(made1)).toBe(true);
  });

  test('functions are wrapped both ways: the sandbox calls host functions through the membrane', () => {
    const calls: unknown[] = [];
    const sandbox = spawn({ report: (value: unknown) => calls.push(value) });
    const g = globalOf(sandbox);
    g.eval('report({ n: 1 }); report(2)');
    expect((calls[0] as Bag).n).toBe(1);
    expect(calls[1]).toBe(2);
  });

  test('deactivate revokes every object that crossed out, and the host objects the sandbox held', () => {
    let hostCalls = 0;
    const sandbox = spawn({ host: { ping: () => (hostCalls += 1) } });
    const g = globalOf(sandbox);
    const inside = g.eval('globalThis.keep = host; ({ value: 1 })') as Bag;
    const callLater = g.eval('() => keep.ping()') as () => void;
    callLater();
    expect(hostCalls).toBe(1);
    sandbox.deactivate('test over');
    expect(() => inside.value).toThrow(TypeError);
    expect(() => inside.value).toThrow(/test over/);
    expect(() => g.eval('1')).toThrow(TypeError);
    expect(() => callLater()).toThrow(TypeError);
    expect(hostCalls).toBe(1);
  });

  test('deactivate throws without effect while a frame of the sandbox is on the stack', () => {
    const attempts: string[] = [];
    const holder: { sandbox?: ReturnType<typeof spawn> } = {};
    const sandbox = spawn({
      stop: () => {
        try {
          holder.sandbox?.deactivate('from inside');
          attempts.push('deactivated');
        } catch (error) {
          attempts.push((error as Error).message);
        }
      },
    });
    holder.sandbox = sandbox;
    const g = globalOf(sandbox);
    expect(g.eval('stop(); "still running"')).toBe('still running');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatch(/while code of .* is running/);
    expect(g.eval('1 + 1')).toBe(2);
    sandbox.deactivate('now');
    expect(() => g.eval('1')).toThrow(TypeError);
  });

  test('a sandbox callback run by the engine (a promise job) also blocks deactivation', async () => {
    let refused = '';
    const holder: { sandbox?: ReturnType<typeof spawn> } = {};
    const sandbox = spawn({
      stop: () => {
        try {
          holder.sandbox?.deactivate('from a job');
        } catch (error) {
          refused = (error as Error).message;
        }
      },
    });
    holder.sandbox = sandbox;
    await (globalOf(sandbox).eval('Promise.resolve().then(() => stop())') as Promise<unknown>);
    expect(refused).toMatch(/running/);
    expect(globalOf(sandbox).eval('1')).toBe(1);
  });

  test('sandboxes form a tree: deactivating a parent revokes its children', () => {
    const parent = spawn();
    const pg = globalOf(parent);
    const childGlobal = pg.eval('globalThis.child = spawn({ n: 7 }); child.globalThis') as SandboxGlobal;
    expect(childGlobal.eval('n * 6')).toBe(42);
    const fromChild = childGlobal.eval('({ deep: true })') as Bag;
    expect(fromChild.deep).toBe(true);
    parent.deactivate('parent gone');
    expect(() => fromChild.deep).toThrow(TypeError);
    expect(() => childGlobal.eval('1')).toThrow(TypeError);
  });

  test('deactivating a child leaves its parent alive; a busy child blocks its parent', () => {
    const parent = spawn();
    const pg = globalOf(parent);
    pg.eval('globalThis.child = spawn()');
    pg.eval('child.deactivate("child only")');
    expect(pg.eval('1 + 1')).toBe(2);
    expect(() => pg.eval('child.globalThis.eval("1")')).toThrow(TypeError);
    const other = spawn();
    const og = globalOf(other);
    const holder: { stop?: () => void } = {};
    let refused = '';
    const childGlobal = og.eval('spawn({ hook: (f) => f() }).globalThis') as SandboxGlobal;
    holder.stop = () => {
      try {
        other.deactivate('busy');
      } catch (error) {
        refused = (error as Error).message;
      }
    };
    (childGlobal.eval('(f) => hook(f)') as (f: () => void) => void)(holder.stop);
    expect(refused).toMatch(/running/);
    expect(og.eval('2')).toBe(2);
  });

  test("subset 'strict' forces strict code in the sandbox and composes down to its children", () => {
    const sloppy = spawn();
    expect(globalOf(sloppy).eval('implicit = 1; implicit')).toBe(1);
    const strict = spawn(undefined, 'strict');
    const sg = globalOf(strict);
    expect(() => sg.eval('implicit = 1')).toThrow(ReferenceError);
    expect(sg.eval('(function () { return this; })()')).toBeUndefined();
    const childGlobal = sg.eval('spawn().globalThis') as SandboxGlobal;
    expect(() => childGlobal.eval('implicit = 1')).toThrow(ReferenceError);
    const grandChild = childGlobal.eval('spawn(undefined, undefined).globalThis') as SandboxGlobal;
    expect(() => grandChild.eval('alsoImplicit = 1')).toThrow(ReferenceError);
    expect(() => spawn(undefined, 'sloppy' as never)).toThrow(TypeError);
  });

  test("subset 'strict' makes the sandbox's Function create strict functions", () => {
    const sg = globalOf(spawn(undefined, 'strict'));
    expect(sg.eval('Function("return this")()')).toBeUndefined();
    expect(() => sg.eval('Function("undeclaredInFunction = 1")()')).toThrow(ReferenceError);
    expect(sg.eval('Function("a", "b", "return a + b")(1, 2)')).toBe(3);
    expect(() => sg.eval('Function("a = 1", "return a")')).toThrow(SyntaxError);
    const childGlobal = sg.eval('spawn().globalThis') as SandboxGlobal;
    expect(childGlobal.eval('new Function("return this")()')).toBeUndefined();
  });
});
