/**
 * Issue 9, class 9: a package granted `process.env` reads the host's
 * environment but its writes and deletions stay its own (env-view.ts). The
 * host is a fake global whose `process.env` is, like Node's, an instance of a
 * class (so the bootstrap's plain-object view would not cover it), or Node's
 * real `process.env`.
 */
import { createPackageScopes } from '../src/bootstrap/index.js';
import type { Policy } from '../src/policy-types.js';

function makeHost(env: Record<string, string> = { HOME: '/home/host', SECRET: 'host' }) {
  const hostEnv = Object.assign(Object.create({ constructor: function Env() {} }) as Record<string, string>, env);
  const process = Object.assign(Object.create({ constructor: function Process() {} }) as Record<string, unknown>, { env: hostEnv, pid: 1 });
  return { host: { process }, hostEnv };
}

const POLICY: Policy = {
  resources: {
    pkg: { globals: { 'process.env': true } },
    other: { globals: { 'process.env': true } },
    writer: { globals: { 'process.env': 'write' } },
    leaf: { globals: { 'process.env.HOME': true } },
    whole: { globals: { process: true } },
  },
};

function globalsOf(host: object, ...names: string[]) {
  const scopes = createPackageScopes({ policy: POLICY, host });
  return names.map((name) => scopes.scopeOf(name, true).g as Record<string, any>);
}

test('the attack is real: a package granted "process.env": "write" holds the host\'s object, and its writes reach the host', () => {
  const { host, hostEnv } = makeHost();
  const [writer] = globalsOf(host, 'writer');
  expect(writer.process.env).toBe(hostEnv);
  writer.process.env.INJECTED = 'by writer';
  delete writer.process.env.SECRET;
  expect(hostEnv).toEqual({ HOME: '/home/host', INJECTED: 'by writer' });
});

test('a package granted process.env reads the host\'s variables live, but never holds the host\'s object', () => {
  const { host, hostEnv } = makeHost();
  const [pkg] = globalsOf(host, 'pkg');
  const env = pkg.process.env;
  expect(env).not.toBe(hostEnv);
  expect(pkg.process.env).toBe(env);
  expect(env.HOME).toBe('/home/host');
  hostEnv.LATER = 'set by the host later';
  expect(env.LATER).toBe('set by the host later');
  expect('LATER' in env).toBe(true);
  expect(env.MISSING).toBeUndefined();
  expect('MISSING' in env).toBe(false);
  expect(Object.keys(env)).toEqual(['HOME', 'SECRET', 'LATER']);
});

test('writes and deletions of process.env stay in the package: the host and other packages see none of them', () => {
  const { host, hostEnv } = makeHost();
  const [pkg, other] = globalsOf(host, 'pkg', 'other');
  const env = pkg.process.env;
  env.INJECTED = 'by pkg';
  env.HOME = '/tmp/evil';
  env.NUMBER = 42;
  delete env.SECRET;
  Object.defineProperty(env, 'DEFINED', { value: 'defined', writable: true, enumerable: true, configurable: true });
  expect(hostEnv).toEqual({ HOME: '/home/host', SECRET: 'host' });
  expect(other.process.env.INJECTED).toBeUndefined();
  expect(other.process.env.SECRET).toBe('host');
  // The package sees its own changes, values as strings as in Node.
  expect(env.INJECTED).toBe('by pkg');
  expect(env.HOME).toBe('/tmp/evil');
  expect(env.NUMBER).toBe('42');
  expect(env.DEFINED).toBe('defined');
  expect(env.SECRET).toBeUndefined();
  expect('SECRET' in env).toBe(false);
  expect(Object.prototype.hasOwnProperty.call(env, 'SECRET')).toBe(false);
  expect({ ...env }).toEqual({ HOME: '/tmp/evil', INJECTED: 'by pkg', NUMBER: '42', DEFINED: 'defined' });
  expect(JSON.parse(JSON.stringify(env))).toEqual({ HOME: '/tmp/evil', INJECTED: 'by pkg', NUMBER: '42', DEFINED: 'defined' });
  // A deleted variable the package writes again is back; one the host sets after the deletion stays deleted for it.
  hostEnv.SECRET = 'rotated';
  expect(env.SECRET).toBeUndefined();
  env.SECRET = 'mine';
  expect(env.SECRET).toBe('mine');
  expect(hostEnv.SECRET).toBe('rotated');
});

test('the view keeps the Proxy invariants and Node\'s rules: configurable data properties only, always extensible', () => {
  const { host } = makeHost();
  const [pkg] = globalsOf(host, 'pkg');
  const env = pkg.process.env;
  expect(Object.getOwnPropertyDescriptor(env, 'HOME')).toEqual({ value: '/home/host', writable: true, enumerable: true, configurable: true });
  expect(Object.getOwnPropertyDescriptor(env, 'MISSING')).toBeUndefined();
  expect(() => Object.defineProperty(env, 'GETTER', { get: () => 'x', configurable: true })).toThrow(TypeError);
  expect(() => Object.defineProperty(env, 'FIXED', { value: 'x', configurable: false })).toThrow(TypeError);
  expect('GETTER' in env || 'FIXED' in env).toBe(false);
  expect(() => Object.preventExtensions(env)).toThrow(TypeError);
  expect(() => Object.freeze(env)).toThrow(TypeError);
  expect(Object.isExtensible(env)).toBe(true);
  expect(() => { env[Symbol('s')] = 'x'; }).toThrow(TypeError);
  expect(Object.getPrototypeOf(env)).toBe(Object.prototype);
  expect(() => Object.setPrototypeOf(env, null)).toThrow(TypeError);
  expect(env.hasOwnProperty('HOME')).toBe(true);
  expect('toString' in env).toBe(true);
  expect(Object.keys(env)).toEqual(['HOME', 'SECRET']);
});

test('an Object.prototype getter never receives the host\'s environment when a package reads a missing variable', () => {
  const { host, hostEnv } = makeHost();
  const [pkg] = globalsOf(host, 'pkg');
  const receivers: unknown[] = [];
  Object.defineProperty(Object.prototype, 'HERMETIC_MISSING', { configurable: true, get() { receivers.push(this); return 'poisoned'; } });
  try {
    // The attack is real: a plain read of the host's object hands it to the getter.
    expect((hostEnv as Record<string, unknown>).HERMETIC_MISSING).toBe('poisoned');
    expect(receivers).toEqual([hostEnv]);
    receivers.length = 0;
    expect(pkg.process.env.HERMETIC_MISSING).toBeUndefined();
    expect(receivers).toEqual([]);
  } finally {
    delete (Object.prototype as Record<string, unknown>).HERMETIC_MISSING;
  }
});

test('over Node\'s real process.env: reads work, writes and deletions do not reach the process', () => {
  const name = 'HERMETIC_ENV_VIEW_TEST';
  process.env[name] = 'host value';
  try {
    const [pkg] = globalsOf({ process: { env: process.env } }, 'pkg');
    const env = pkg.process.env;
    expect(env.PATH).toBe(process.env.PATH);
    expect(Object.keys(env)).toEqual(Object.keys(process.env));
    env[name] = 'package value';
    env.HERMETIC_ENV_VIEW_NEW = 'new';
    expect(process.env[name]).toBe('host value');
    expect(process.env.HERMETIC_ENV_VIEW_NEW).toBeUndefined();
    delete env[name];
    expect(process.env[name]).toBe('host value');
    expect(env[name]).toBeUndefined();
  } finally {
    delete process.env[name];
  }
});

test('leaf grants (process.env.HOME) give the string; a grant of process as a whole is the host\'s process, as its warning says', () => {
  const { host } = makeHost();
  const [leaf, whole] = globalsOf(host, 'leaf', 'whole');
  expect(leaf.process.env.HOME).toBe('/home/host');
  expect(Object.keys(leaf.process.env)).toEqual(['HOME']);
  expect(() => { leaf.process.env.HOME = 'x'; }).toThrow(TypeError);
  expect(whole.process).toBe(host.process);
});

test('the sloppy scope gets the same per-package view', () => {
  const { host, hostEnv } = makeHost();
  const scopes = createPackageScopes({ policy: POLICY, host });
  const sloppy = scopes.scopeOf('pkg', false).g as Record<string, any>;
  sloppy.process.env.SLOPPY = 'x';
  expect(hostEnv.SLOPPY).toBeUndefined();
  expect((scopes.scopeOf('pkg', true).g as Record<string, any>).process.env.SLOPPY).toBe('x');
});
