/**
 * The policy a bundle carries (bootstrap/bundled-policy.ts): only globals
 * and denials, which the bootstrap enforces.
 */
import { bundlePolicy } from '../src/bootstrap/bundled-policy.js';
import { createPackageScopes } from '../src/bootstrap/package-scopes.js';

const policy = {
  resources: {
    react: { globals: { console: true, process: 'write' as const, fetch: false }, packages: { scheduler: true } },
    'a>b': { globals: { 'console.warn': true } },
    empty: { builtin: { fs: true } },
  },
};

test('globals are kept as granted (write, false, dotted paths); packages and builtins stay out', () => {
  expect(bundlePolicy(policy, [])).toEqual({
    resources: { react: { globals: { console: true, process: 'write', fetch: false } }, 'a>b': { globals: { 'console.warn': true } }, empty: {} },
  });
});

test('denials travel with it, and the bootstrap raises them before any scope is handed out (debug: logs them)', () => {
  const expanded = bundlePolicy(policy, ['Package "a" may not import package "b"', 'second']);
  expect(expanded.denied).toEqual(['Package "a" may not import package "b"', 'second']);
  expect(() => createPackageScopes({ policy: expanded, host: {} })).toThrow(/^Package "a" may not import package "b" \(and 1 more denied import: second\)$/);
  const warnings: string[] = [];
  createPackageScopes({ policy: expanded, host: {}, debug: true, warn: (m) => warnings.push(m) });
  expect(warnings).toHaveLength(2);
});

test('the message a bundle with denials fails with is built at build time: the first denial, then how many more and which', () => {
  const three = bundlePolicy({ resources: {} }, ['first', 'second', 'third']);
  expect(three.failure).toBe('first (and 2 more denied imports: second | third)');
  expect(() => createPackageScopes({ policy: three, host: {} })).toThrow(/^first \(and 2 more denied imports: second \| third\)$/);
  expect(bundlePolicy({ resources: {} }, ['only']).failure).toBe('only');
  expect(() => createPackageScopes({ policy: bundlePolicy({ resources: {} }, ['only']), host: {} })).toThrow(/^only$/);
});

test('a root without an entry is trusted, so no scope of it is handed out (only an attacker asks); one listed with no globals is confined', () => {
  const host = { secret: 1 };
  expect(() => createPackageScopes({ policy: bundlePolicy({ resources: {} }, []), host }).scopeOf('$root$', true)).toThrow(/^No scope for "\$root\$": the application is trusted/);
  const confined = createPackageScopes({ policy: bundlePolicy({ resources: { $root$: {} } }, []), host }).scopeOf('$root$', true);
  expect(() => (confined.g as { secret: number }).secret).toThrow(/secret is not defined in package "\$root\$"/);
});

test('one scope per package: names the global gets later, absent and denied names resolve through it as a global environment would', () => {
  const host = { secret: 1, shared: 2, Math };
  const scopes = createPackageScopes({ policy: bundlePolicy({ resources: { lib: { globals: { shared: true } } } }, []), host, frozenGlobals: false });
  const strict = scopes.scopeOf('lib', true);
  const sloppy = scopes.scopeOf('lib', false);
  expect(scopes.scopeOf('lib', true)).toBe(strict);
  const g = strict.g as Record<string, unknown>;
  expect(g.shared).toBe(2);
  expect(g.Math).toBe(Math);
  expect(() => g.later).toThrow(new ReferenceError('later is not defined'));
  // A sloppy write to an undeclared name creates it on the package's global; the strict scope sees it from then on.
  (sloppy.g as Record<string, unknown>).later = 3;
  expect(g.later).toBe(3);
  expect(strict.y('later')).toBe('number');
  expect(() => { g.missing = 1; }).toThrow(new ReferenceError('missing is not defined'));
  expect(() => g.secret).toThrow(/secret is not defined in package "lib": the Hermetic policy does not grant this global/);
  expect(strict.y('secret')).toBe('undefined');
  expect('later' in host).toBe(false);
});

test('the sloppy scope inherits the strict one\'s names but creates globals only for sloppy writes; denied names throw through both', () => {
  const host = { secret: 1, shared: 2 };
  const scopes = createPackageScopes({ policy: bundlePolicy({ resources: { lib: { globals: { shared: 'write' } } } }, []), host, frozenGlobals: false });
  const strict = scopes.scopeOf('lib', true).g as Record<string, unknown>;
  const sloppy = scopes.scopeOf('lib', false).g as Record<string, unknown>;
  expect(Object.getPrototypeOf(sloppy)).toBe(strict);
  sloppy.shared = 5;
  expect(host.shared).toBe(5);
  expect(() => { sloppy.secret = 3; }).toThrow(/secret is not defined in package "lib"/);
  expect(() => { strict.created = 1; }).toThrow(new ReferenceError('created is not defined'));
  sloppy.created = 1;
  expect(strict.created).toBe(1);
  expect('created' in host).toBe(false);
  expect(host.secret).toBe(1);
});
