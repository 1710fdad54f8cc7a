/**
 * Policy files: validation messages, LavaMoat compatibility, override
 * merging, stable generation.
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatPolicy, generatePolicy, loadPolicyFile, mergePolicy, parsePolicy, PolicyError, validatePolicy,
} from '@hermetic/bundler-core';

// A policy as `lavamoat-browserify --autopolicy` writes it (shape and naming
// taken from LavaMoat's documentation): dependency-path names, dotted
// globals, "write", builtin, and a top-level key Hermetic does not use.
const lavamoatPolicy = {
  resources: {
    'react-dom': {
      globals: { 'console.error': true, 'document': true, 'location.protocol': true, 'setTimeout': true },
      packages: { 'react': true, 'react-dom>scheduler': true },
    },
    'react-dom>scheduler': { globals: { MessageChannel: true, clearTimeout: true, setTimeout: true } },
    'some-analytics': { globals: { 'dataLayer': 'write', 'fetch': true }, builtin: { 'events.EventEmitter': true } },
    'native-thing': { native: true },
  },
  resolutions: { 'react-dom': {} },
};

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'hermetic-policy-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a LavaMoat policy.json loads unchanged (same entries, extra keys kept)', () => {
  const file = join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify(lavamoatPolicy, null, 2));
  const policy = loadPolicyFile(file);
  expect(policy.resources).toEqual(lavamoatPolicy.resources);
  expect(policy.resolutions).toEqual(lavamoatPolicy.resolutions);
});

test('validation names the file and the exact bad entry, and lists every problem', () => {
  const bad = {
    resources: {
      'a>b': { globals: { fetch: 1, ok: true }, packages: { c: 'yes' } },
      'd': 'nope',
    },
  };
  let error: unknown;
  try {
    validatePolicy(bad, 'policy-override.json');
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(PolicyError);
  const message = (error as Error).message;
  expect(message).toContain('policy-override.json');
  expect(message).toContain('resources["a>b"].globals["fetch"] must be true, false or "write" (got 1)');
  expect(message).toContain('resources["a>b"].packages["c"] must be true or false (got "yes")');
  expect(message).toContain('resources["d"] must be an object');
  expect((error as PolicyError).problems).toHaveLength(3);
});

test('invalid JSON is reported with the file name', () => {
  expect(() => parsePolicy('{ "resources": ', 'hermetic/policy.json')).toThrow(/hermetic\/policy\.json[\s\S]*not valid JSON/);
  expect(() => loadPolicyFile(join(dir, 'missing.json'))).toThrow(/missing\.json[\s\S]*does not exist/);
});

test('an override adds, replaces and revokes entries without touching the base', () => {
  const base = validatePolicy(lavamoatPolicy, 'base');
  const override = validatePolicy({
    resources: {
      'react-dom': { globals: { 'location.protocol': false, 'navigator': true } },
      'new-package': { packages: { 'react': true } },
    },
  }, 'override');
  const merged = mergePolicy(base, override);
  expect(merged.resources['react-dom'].globals).toEqual({
    'console.error': true, 'document': true, 'location.protocol': false, 'navigator': true, 'setTimeout': true,
  });
  expect(merged.resources['react-dom'].packages).toEqual({ 'react': true, 'react-dom>scheduler': true });
  expect(merged.resources['new-package']).toEqual({ packages: { react: true } });
  expect(base.resources['react-dom'].globals!['location.protocol']).toBe(true);
  expect(Object.keys(merged.resources)).toEqual([...Object.keys(merged.resources)].sort());
});

test('generation grants exactly what modules use, skips intrinsics, aliases and the root, and is sorted and stable', () => {
  const usages = [
    { packageName: 'zeta', globals: ['setTimeout', 'Math', 'console', 'window'], imports: ['alpha', 'zeta'] },
    { packageName: '$root$', globals: ['document'], imports: ['zeta'] },
    { packageName: 'alpha', globals: ['fetch', 'Object', 'globalThis'], imports: [], builtins: ['node:fs'] },
    { packageName: 'zeta', globals: ['addEventListener'], imports: ['$root$'] },
  ];
  const policy = generatePolicy(usages);
  expect(policy).toEqual({
    resources: {
      alpha: { builtin: { fs: true }, globals: { fetch: true } },
      zeta: { globals: { addEventListener: true, console: true, setTimeout: true }, packages: { alpha: true } },
    },
  });
  const text = formatPolicy(policy);
  expect(formatPolicy(generatePolicy([...usages].reverse()))).toBe(text);
  expect(text.indexOf('"alpha"')).toBeLessThan(text.indexOf('"zeta"'));
  expect(text.endsWith('\n')).toBe(true);
});
