/**
 * Issue 9, class 7 and the run-time half of class 1: granted host APIs do not
 * hand out the window (callbacks run with no host `this`, a granted `console`
 * is a per-package frozen view), the run-time API hands out no scope of the
 * trusted root, a computed `import()` always rejects, and the policy warns
 * about DOM grants. The host is a fake global whose APIs call back as a
 * browser's do, with the host as receiver.
 */
import { createPackageScopes } from '../src/bootstrap/index.js';
import { domGrantWarnings } from '../src/dom-grants.js';
import type { Policy } from '../src/policy-types.js';

type Callback = (...args: unknown[]) => unknown;

function makeHost() {
  const listeners: Array<{ type: string; listener: Callback | undefined }> = [];
  const registry = new Map<string, new () => object>();
  const received: unknown[] = [];
  const host: Record<string, unknown> = {
    setTimeout: { setTimeout(callback: Callback) { callback.call(host); return 1; } }.setTimeout,
    queueMicrotask: { queueMicrotask(callback: Callback) { callback.call(host); } }.queueMicrotask,
    requestAnimationFrame: { requestAnimationFrame(callback: Callback) { callback.call(host, 0); return 1; } }.requestAnimationFrame,
    addEventListener: { addEventListener(type: string, listener: Callback) { listeners.push({ type, listener }); } }.addEventListener,
    removeEventListener: { removeEventListener(type: string, listener: Callback) {
      for (const entry of listeners) if (entry.type === type && entry.listener === listener) entry.listener = undefined;
    } }.removeEventListener,
    defineElement: { defineElement(name: string, constructor: new () => object) { registry.set(name, constructor); } }.defineElement,
    console: { log: { log(this: unknown, message: unknown) { received.push([this, message]); } }.log },
    location: new (class Location { url = 'https://a.test/'; get href() { return this.url; } set href(value: string) { this.url = value; } })(),
    onmessage: null,
    secret: 'denied',
  };
  const dispatch = (type: string): void => {
    for (const entry of listeners) if (entry.type === type && entry.listener !== undefined) entry.listener.call(host, { currentTarget: host });
  };
  return { host, dispatch, registry, received };
}

const POLICY: Policy = {
  resources: {
    pkg: {
      globals: {
        setTimeout: true, queueMicrotask: true, requestAnimationFrame: true, addEventListener: true, removeEventListener: true,
        defineElement: true, console: true, location: true, onmessage: 'write',
      },
    },
    other: { globals: { console: true } },
  },
};

function scopeOf(host: object, packageName = 'pkg') {
  return createPackageScopes({ policy: POLICY, host }).scopeOf(packageName, true).g as Record<string, any>;
}

test('the attack is real: a browser-like host calls a strict callback with the window as this', () => {
  const { host } = makeHost();
  let self: unknown;
  (host.setTimeout as Callback)(function (this: unknown) { 'use strict'; self = this; });
  expect(self).toBe(host);
});

test('timer and microtask callbacks granted to a package run with this undefined, never the host', () => {
  const { host } = makeHost();
  const g = scopeOf(host);
  const seen: unknown[] = [];
  g.setTimeout(function (this: unknown) { 'use strict'; seen.push(this); });
  g.queueMicrotask(function (this: unknown) { 'use strict'; seen.push(this); });
  g.requestAnimationFrame(function (this: unknown, time: unknown) { 'use strict'; seen.push(this, time); });
  expect(seen).toEqual([undefined, undefined, undefined, 0]);
});

test('event listeners run with this undefined; removeEventListener finds the same wrapper; the event is the tolerated back-reference', () => {
  const { host, dispatch } = makeHost();
  const g = scopeOf(host);
  const calls: unknown[] = [];
  const listener = function (this: unknown, event: { currentTarget: unknown }) { 'use strict'; calls.push(this, event.currentTarget === host); };
  g.addEventListener('message', listener);
  dispatch('message');
  g.removeEventListener('message', listener);
  dispatch('message');
  expect(calls).toEqual([undefined, true]);
});

test('a class passed to a granted host function stays a constructor with its own prototype', () => {
  const { host, registry } = makeHost();
  const g = scopeOf(host);
  class Widget { kind = 'widget'; }
  g.defineElement('x-widget', Widget);
  const Registered = registry.get('x-widget')!;
  const made = new Registered();
  expect(made).toBeInstanceOf(Widget);
  expect(made).toEqual({ kind: 'widget' });
});

test('a handler written to a granted on… property runs with this undefined; reading it back gives the package\'s own function', () => {
  const { host } = makeHost();
  const g = scopeOf(host);
  let self: unknown = 'not called';
  const handler = function (this: unknown) { 'use strict'; self = this; };
  g.onmessage = handler;
  (host.onmessage as Callback).call(host);
  expect(self).toBeUndefined();
  expect(g.onmessage).toBe(handler);
});

test('a granted console is a frozen per-package view: a package cannot replace console.log for the others, and logs still reach the host console', () => {
  const { host, received } = makeHost();
  const scopes = createPackageScopes({ policy: POLICY, host });
  const mine = scopes.scopeOf('pkg', true).g as Record<string, any>;
  const theirs = scopes.scopeOf('other', true).g as Record<string, any>;
  const hostLog = (host.console as { log: unknown }).log;
  expect(mine.console).not.toBe(host.console);
  expect(mine.console).not.toBe(theirs.console);
  expect(mine.console).toBe(mine.globalThis.console);
  expect(Object.isFrozen(mine.console)).toBe(true);
  expect(() => { mine.console.log = () => 'replaced'; }).toThrow(TypeError);
  expect((host.console as { log: unknown }).log).toBe(hostLog);
  theirs.console.log('hello');
  expect(received).toEqual([[host.console, 'hello']]);
  expect(Object.keys(mine.console)).toEqual(['log']);
});

test('a "write" grant of a plain host object gives the host\'s object itself (the package may replace the global, so it may change it)', () => {
  const { host } = makeHost();
  const g = createPackageScopes({ policy: { resources: { pkg: { globals: { console: 'write' } } } }, host }).scopeOf('pkg', true).g as Record<string, unknown>;
  expect(g.console).toBe(host.console);
});

test('an instance of a host class (location) is handed out as it is: reads stay live and its setters work', () => {
  const { host } = makeHost();
  const g = scopeOf(host);
  expect(g.location).toBe(host.location);
  g.location.href = 'https://b.test/';
  expect((host.location as { href: string }).href).toBe('https://b.test/');
});

test('scopeOf("$root$") throws when the policy has no root entry: the trusted root has no scope, and the host is never handed out', () => {
  const { host } = makeHost();
  const scopes = createPackageScopes({ policy: POLICY, host });
  expect(() => scopes.scopeOf('$root$', true)).toThrow(/^No scope for "\$root\$"/);
  expect(() => scopes.scopeOf('$root$', false)).toThrow(/^No scope for "\$root\$"/);
  const confined = createPackageScopes({ policy: { resources: { $root$: {} } }, host }).scopeOf('$root$', true).g as Record<string, unknown>;
  expect(confined.globalThis).not.toBe(host);
  expect(() => confined.secret).toThrow(/secret is not defined in package "\$root\$"/);
});

test('d: a computed import() always rejects with a HermeticPolicyError naming the package, the specifier and the place; debug mode logs it too', async () => {
  const { host } = makeHost();
  const scope = createPackageScopes({ policy: POLICY, host }).scopeOf('pkg', false);
  const message = 'Package "pkg" may not use this import() (import(./locale/fr.js) at node_modules/pkg/index.js:3:7): ' +
    'bundlers resolve only a literal specifier with literal options, so Hermetic cannot check it against the policy. ' +
    'Use a literal specifier (with no options, or literal import attributes), or exclude the package.';
  await expect(scope.d('./locale/fr.js', 'node_modules/pkg/index.js:3:7')).rejects.toMatchObject({ name: 'HermeticPolicyError', message });
  await expect(scope.d({ toString: () => 'x' }, 'f.js:1:1')).rejects.toThrow('(import(object) at f.js:1:1)');
  await expect(scope.d(42, 'f.js:1:1')).rejects.toThrow('(import(42) at f.js:1:1)');
  const warnings: string[] = [];
  const debug = createPackageScopes({ policy: POLICY, host, debug: true, warn: (w) => warnings.push(w) }).scopeOf('pkg', true);
  await expect(debug.d('./locale/fr.js', 'node_modules/pkg/index.js:3:7')).rejects.toThrow(message);
  expect(warnings).toEqual([`[hermetic debug] ${message}`]);
});

test('the scope members d, y and w are not globals of g or t', () => {
  const { host } = makeHost();
  const scope = createPackageScopes({ policy: POLICY, host }).scopeOf('pkg', true);
  for (const name of ['d', 'y', 'w']) {
    expect(() => (scope.g as Record<string, unknown>)[name]).toThrow(new ReferenceError(`${name} is not defined`));
    expect(scope.y(name)).toBe('undefined');
  }
  expect(Object.isFrozen(scope)).toBe(true);
});

test('domGrantWarnings: one warning per package granted a DOM node or EventTarget API, none for other grants or revoked ones', () => {
  const warnings = domGrantWarnings({
    resources: {
      dom: { globals: { 'document.createElement': true, addEventListener: true, fetch: true } },
      classes: { globals: { HTMLElement: true, onmessage: 'write', 'window.document': true } },
      plain: { globals: { console: true, setTimeout: true, location: true, document: false } },
    },
  });
  expect(warnings).toEqual([
    'Package "dom" is granted document.createElement, addEventListener: a DOM node or EventTarget reaches the page\'s window ' +
      '(node.ownerDocument.defaultView, event.currentTarget), so this grant is equivalent to granting `window`.',
    'Package "classes" is granted HTMLElement, onmessage, window.document: a DOM node or EventTarget reaches the page\'s window ' +
      '(node.ownerDocument.defaultView, event.currentTarget), so this grant is equivalent to granting `window`.',
  ]);
});
