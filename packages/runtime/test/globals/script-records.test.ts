/**
 * The script-record contract (docs/record-format.md "Script records") run by
 * the runtime, with hand-written records standing in for the compiler: the
 * runtime side of GlobalDeclarationInstantiation, the scope object and the
 * lexical record of each global (CONFORMANCE 35, 41).
 */
import { runScriptRecord, type ScriptEnvironment } from '../../src/script-evaluation';
import type { ScriptHandle, ScriptRecord } from '../../src/record-types';

type Scope = Record<string, unknown>;

function record(
  names: { varNames?: string[]; functionNames?: string[]; lexicalNames?: string[]; constNames?: string[]; globals?: string[] },
  functor: (this: unknown, $h: ScriptHandle) => unknown,
  strict = false,
): ScriptRecord & { constNames?: string[] } {
  return {
    format: 1,
    strict,
    varNames: names.varNames ?? [],
    functionNames: names.functionNames ?? [],
    lexicalNames: names.lexicalNames ?? [],
    globals: names.globals ?? [],
    ...(names.constNames ? { constNames: names.constNames } : {}),
    functor,
  };
}

function envFor(globalObject: object): ScriptEnvironment {
  return { globalThis: globalObject, dynamicImport: () => Promise.reject(new Error('no import')) };
}

describe('script records: GlobalDeclarationInstantiation (item 35)', () => {
  test('var and function become own properties, let stays out of the global and is shared by later scripts', () => {
    const g: Scope = { Number };
    // var x = 1; let y = 2; function f() { return y; } x + y
    const first = record({ varNames: ['x'], functionNames: ['f'], lexicalNames: ['y'] }, function ($h) {
      const $hg = $h.g as Scope;
      function f() {
        return $hg.y;
      }
      $hg.f = f;
      $hg.x = 1;
      $h.l('y', 2);
      return (($hg.x as number) + ($hg.y as number));
    });
    expect(runScriptRecord(envFor(g), first)).toBe(3);
    expect(Object.getOwnPropertyDescriptor(g, 'x')).toEqual({ value: 1, writable: true, enumerable: true, configurable: false });
    expect(typeof g.f).toBe('function');
    expect('y' in g).toBe(false);
    // A later script reads and writes the lexical binding: y = y + 1; f()
    const second = record({ globals: ['y', 'f'] }, function ($h) {
      const $hg = $h.g as Scope;
      $hg.y = ($hg.y as number) + 1;
      return ($hg.f as () => unknown)();
    });
    expect(runScriptRecord(envFor(g), second)).toBe(3);
    expect('y' in g).toBe(false);
  });

  test('a let that collides with an earlier var is a SyntaxError and declares nothing', () => {
    const g: Scope = {};
    runScriptRecord(envFor(g), record({ varNames: ['a'] }, () => undefined));
    const clash = record({ varNames: ['fresh'], lexicalNames: ['a'] }, () => 'ran');
    expect(() => runScriptRecord(envFor(g), clash)).toThrow(SyntaxError);
    expect(() => runScriptRecord(envFor(g), clash)).toThrow("Identifier 'a' has already been declared");
    expect('fresh' in g).toBe(false);
  });

  test('a var that collides with an earlier let is a SyntaxError; so is a let over a non-configurable property', () => {
    const g: Scope = {};
    Object.defineProperty(g, 'fixed', { value: 1, configurable: false });
    runScriptRecord(envFor(g), record({ lexicalNames: ['b'] }, ($h) => $h.l('b', 1)));
    expect(() => runScriptRecord(envFor(g), record({ varNames: ['b'] }, () => 0))).toThrow(SyntaxError);
    expect(() => runScriptRecord(envFor(g), record({ functionNames: ['b'] }, () => 0))).toThrow(SyntaxError);
    expect(() => runScriptRecord(envFor(g), record({ lexicalNames: ['b'] }, () => 0))).toThrow(SyntaxError);
    expect(() => runScriptRecord(envFor(g), record({ lexicalNames: ['fixed'] }, () => 0))).toThrow(SyntaxError);
  });

  test('var on a non-extensible global is a TypeError before anything runs', () => {
    const g = Object.preventExtensions({}) as Scope;
    let ran = false;
    expect(() => runScriptRecord(envFor(g), record({ varNames: ['v'] }, () => (ran = true)))).toThrow(TypeError);
    expect(ran).toBe(false);
  });

  test('lexical bindings are in their TDZ until $h.l; typeof of a TDZ binding throws', () => {
    const g: Scope = {};
    const tdz = record({ lexicalNames: ['z'] }, function ($h) {
      const $hg = $h.g as Scope;
      expect(() => $hg.z).toThrow(ReferenceError);
      expect(() => $hg.z).toThrow("Cannot access 'z' before initialization");
      expect(() => $h.y('z')).toThrow(ReferenceError);
      expect(() => ($hg.z = 1)).toThrow(ReferenceError);
      $h.l('z', 'ok');
      return [$hg.z, $h.y('z'), $h.y('absent')];
    });
    expect(runScriptRecord(envFor(g), tdz)).toEqual(['ok', 'string', 'undefined']);
  });

  test('a const named in constNames rejects writes from later scripts', () => {
    const g: Scope = {};
    runScriptRecord(envFor(g), record({ lexicalNames: ['k'], constNames: ['k'] }, ($h) => $h.l('k', 1)));
    const write = record({ globals: ['k'] }, ($h) => (($h.g as Scope).k = 2));
    expect(() => runScriptRecord(envFor(g), write)).toThrow(TypeError);
  });
});

describe('script records: the scope object (items 24, 35)', () => {
  test('sloppy assignment to an undeclared name creates a global property; strict assignment throws ReferenceError', () => {
    const g: Scope = {};
    runScriptRecord(envFor(g), record({ globals: ['created'] }, ($h) => (($h.g as Scope).created = 7)));
    expect(g.created).toBe(7);
    const strictWrite = record({ globals: ['other'] }, ($h) => (($h.g as Scope).other = 1), true);
    expect(() => runScriptRecord(envFor(g), strictWrite)).toThrow(ReferenceError);
    expect('other' in g).toBe(false);
  });

  test('reads see the prototype chain, missing names throw ReferenceError naming them', () => {
    const g = Object.create({ inherited: 'proto' }) as Scope;
    const read = record({ globals: ['inherited', 'missing'] }, function ($h) {
      const $hg = $h.g as Scope;
      expect(() => $hg.missing).toThrow('missing is not defined');
      return $hg.inherited;
    });
    expect(runScriptRecord(envFor(g), read)).toBe('proto');
  });

  test('strict write to a read-only global property is a TypeError, sloppy write is ignored', () => {
    const g: Scope = {};
    Object.defineProperty(g, 'ro', { value: 1, writable: false, configurable: true });
    const sloppy = record({ globals: ['ro'] }, ($h) => (($h.g as Scope).ro = 2));
    runScriptRecord(envFor(g), sloppy);
    expect(g.ro).toBe(1);
    const strict = record({ globals: ['ro'] }, ($h) => (($h.g as Scope).ro = 2), true);
    expect(() => runScriptRecord(envFor(g), strict)).toThrow(TypeError);
  });

  test('top-level this is the global object, or the given thisValue', () => {
    const g: Scope = {};
    const self = record({}, function (this: unknown) {
      return this;
    });
    expect(runScriptRecord(envFor(g), self)).toBe(g);
    const marker = {};
    expect(runScriptRecord(envFor(g), self, { thisValue: marker })).toBe(marker);
  });

  test('a sloppy record cannot run where strict code is required', () => {
    expect(() => runScriptRecord(envFor({}), record({}, () => 1), { strict: true })).toThrow(TypeError);
  });

  test('on a frozen global, reads are exact, writes fail as on the global, later lexical bindings of absent names are seen', () => {
    const g = Object.freeze({ fixed: 1 }) as Scope;
    // A sloppy functor, as the compiler emits for a sloppy script (this test file itself is strict).
    const sloppyFunctor = new Function('$h', 'const $hg = $h.g; $hg.fixed = 2; return $hg.fixed;') as (h: ScriptHandle) => unknown;
    const sloppyWrite = record({ globals: ['fixed'] }, sloppyFunctor);
    expect(runScriptRecord(envFor(g), sloppyWrite)).toBe(1);
    const strictWrite = record({ globals: ['fixed'] }, ($h) => (($h.g as Scope).fixed = 2), true);
    expect(() => runScriptRecord(envFor(g), strictWrite)).toThrow(TypeError);
    const readLater = record({ globals: ['later'] }, ($h) => () => ($h.g as Scope).later);
    const reader = runScriptRecord(envFor(g), readLater) as () => unknown;
    expect(() => reader()).toThrow(ReferenceError);
    runScriptRecord(envFor(g), record({ lexicalNames: ['later'] }, ($h) => $h.l('later', 'declared')));
    expect(reader()).toBe('declared');
    expect(() => runScriptRecord(envFor(g), record({ lexicalNames: ['fixed'] }, () => 0))).toThrow(SyntaxError);
  });
});
