/**
 * What a correct build of the React test app shows, shared by the three
 * plugin tests (CONFORMANCE 49–52).
 */
import type { PageReport } from './load-page.js';

/** The selector that appears once everything, including the lazy chunk, has rendered. */
export const APP_READY = '#lazy-out:not(:empty)';

/** Asserts a clean run (no CSP violation, no error) and the visible result. */
export function expectReactAppWorks(report: PageReport): void {
  expect(report.violations).toEqual([]);
  expect(report.pageErrors).toEqual([]);
  expect(report.consoleErrors).toEqual([]);
  expect(report.text).toContain('react: renderedByReact 42');
  expect(report.text).toContain('preact: 2 chunks');
  expect(report.text).toContain('lazy chunk loaded');
}

/** Asserts that the packages denied `fetch` could not read it by any route, and that writes stayed inside. */
export function expectPolicyEnforced(report: PageReport, format: 'esm' | 'iife' = 'esm'): void {
  const line = report.text.split('\n').find((l) => l.startsWith('{"typeofFetch"'));
  expect(line).toBeDefined();
  const policy = JSON.parse(line!) as Record<string, unknown>;
  expect(policy.typeofFetch).toBe('undefined');
  expect(policy.direct).toMatch(/^ReferenceError: fetch is not defined in package "policy-denied"/);
  expect(policy.direct).toContain('{"resources":{"policy-denied":{"globals":{"fetch":true}}}}');
  expect(policy.aliased).toBe('undefined');
  expect(policy.ownGlobal).toBe(true);
  // ES-module output keeps module code strict: the write to the frozen package global throws. esbuild's
  // IIFE output drops module strictness (as it does without Hermetic), and the sloppy write is ignored.
  expect(policy.write).toEqual(format === 'esm' ? 'TypeError' : expect.stringMatching(/^(TypeError|wrote)$/));
  expect(policy.leaked).toBe('undefined');
  // The app itself is trusted and sees the real fetch: the denial is per package.
  expect(policy.hostFetch).toBe('function');
  // The CommonJS package, wrapped by the bundler's own CommonJS support, runs in its compartment too.
  expect(policy.cjs).toEqual({
    typeofFetch: 'undefined',
    aliased: 'undefined',
    read: expect.stringMatching(/^ReferenceError: fetch is not defined in package "policy-cjs".*\{"resources":\{"policy-cjs":\{"globals":\{"fetch":true\}\}\}\}/),
    sloppyThis: 'undefined',
    // Sloppy output (IIFE): the write is ignored by the frozen package global; strict (ES module) output: it throws.
    write: expect.stringMatching(/^(undefined|ReferenceError)$/),
    leaked: 'undefined',
  });
}
