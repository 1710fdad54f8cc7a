/**
 * The global scope object `$hg` (docs/record-format.md "Globals", item 24):
 * frozen globals are read once into data properties, unfrozen ones are
 * looked up on every access, absent names throw ReferenceError naming them.
 */
import { buildGlobalScope, typeofGlobal } from '../../src/global-scope.js';
import { Compartment } from '../../src/compartment.js';
import { ModuleSource } from '../../src/module-source.js';
import { record } from './support.js';

describe('global scope object', () => {
  test('frozen global: own data properties become non-writable data properties (read once, exact)', () => {
    let getterCalls = 0;
    const global = Object.freeze({
      Math,
      answer: 42,
      get counted() {
        return ++getterCalls;
      },
    });
    const scope = buildGlobalScope(global, ['Math', 'answer', 'counted', 'absent']) as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(scope, 'answer')).toEqual({ value: 42, writable: false, enumerable: true, configurable: false });
    expect(scope.Math).toBe(Math);
    expect(() => {
      'use strict';
      scope.answer = 1;
    }).toThrow(TypeError);
    expect([scope.counted, scope.counted]).toEqual([1, 2]); // accessors still delegate on every read
    expect(() => scope.absent).toThrow(new ReferenceError('absent is not defined'));
    expect(() => {
      scope.absent = 1;
    }).toThrow(ReferenceError);
  });

  test('unfrozen global: every access sees the current value; deleted names throw; writes reach the global', () => {
    const global: Record<string, unknown> = { value: 1 };
    const scope = buildGlobalScope(global, ['value', 'later']) as Record<string, unknown>;
    expect(() => scope.later).toThrow(/later is not defined/);
    global.later = 'now';
    expect(scope.later).toBe('now');
    scope.value = 2;
    expect(global.value).toBe(2);
    delete global.value;
    expect(() => scope.value).toThrow(ReferenceError);
    expect(() => {
      scope.value = 3;
    }).toThrow(ReferenceError);
    expect('value' in global).toBe(false);
    const inherited = Object.create({ fromProto: 'p' }) as object;
    expect((buildGlobalScope(inherited, ['fromProto']) as Record<string, unknown>).fromProto).toBe('p');
  });

  test('typeof of a global never throws', () => {
    expect([typeofGlobal({ a: 1 }, 'a'), typeofGlobal({}, 'missing'), typeofGlobal({ u: undefined }, 'u')]).toEqual(['number', 'undefined', 'undefined']);
  });

  test('item 24 with a frozen compartment global: reads, typeof, missing names and strict writes inside a module', async () => {
    const c = new Compartment({
      globals: { base: 2 },
      modules: {
        m: {
          source: new ModuleSource(
            record(`const out = [base * Math.max(1, 2), typeof missing];
              try { missing; } catch (e) { out.push(e.constructor.name, e.message); }
              try { base = 3; } catch (e) { out.push(e.constructor.name); }
              export default out;`),
          ),
        },
      },
    });
    Object.freeze(c.globalThis);
    expect(((await c.import('m')) as { default: unknown[] }).default).toEqual([4, 'undefined', 'ReferenceError', 'missing is not defined', 'TypeError']);
  });
});
