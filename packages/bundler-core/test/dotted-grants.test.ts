/**
 * A dotted grant called as a method (`crypto.getRandomValues(buf)` with
 * LavaMoat's `"crypto.getRandomValues": true`, `document.createElement` with
 * `"document.createElement": true`) reaches the host method with the host
 * object as its receiver, as a browser's built-ins require ("Illegal
 * invocation" otherwise); the package still holds only the granted member.
 */
import { createPackageScopes } from '../src/bootstrap/index.js';

class HostCrypto {
  getRandomValues<T extends Uint8Array>(this: unknown, array: T): T {
    if (this !== hostCrypto) throw new TypeError('Illegal invocation');
    array.fill(7);
    return array;
  }

  randomUUID(): string {
    return 'not granted';
  }
}
const hostCrypto = new HostCrypto();
const hostDocument = {
  title: 'host',
  createElement(this: unknown, tag: string): string {
    if (this !== hostDocument) throw new TypeError('Illegal invocation');
    return `<${tag}>`;
  },
};

function scopeOf(globals: Record<string, boolean>): Record<string, any> {
  const host = { crypto: hostCrypto, document: hostDocument };
  const scopes = createPackageScopes({ policy: { resources: { pkg: { globals } } }, host });
  return scopes.scopeOf('pkg', true).g as Record<string, any>;
}

test('a granted member called on its dotted view gets the host object as receiver', () => {
  const g = scopeOf({ 'crypto.getRandomValues': true, 'document.createElement': true });
  expect(g.crypto.getRandomValues(new Uint8Array(2))).toEqual(new Uint8Array([7, 7]));
  expect(g.document.createElement('div')).toBe('<div>');
  // Detached (no receiver), as `const { getRandomValues } = crypto` code does.
  const { getRandomValues } = g.crypto;
  expect(getRandomValues(new Uint8Array(1))).toEqual(new Uint8Array([7]));
});

test('the view holds the granted members only, and is not the host object', () => {
  const g = scopeOf({ 'crypto.getRandomValues': true, 'document.createElement': true });
  expect(g.crypto).not.toBe(hostCrypto);
  expect(g.crypto.randomUUID).toBeUndefined();
  expect(g.document.title).toBeUndefined();
  expect(Object.isFrozen(g.crypto)).toBe(true);
});

test('control: the host method called on another object throws, as a browser built-in does', () => {
  expect(() => hostCrypto.getRandomValues.call({}, new Uint8Array(1))).toThrow('Illegal invocation');
});
