/**
 * Object-literal text the compiler writes into records: property keys and the
 * compact `bindings` array.
 */
import { asciiJson } from './ascii-text.js';

/** A property key for an object literal: bare when it is a plain identifier. */
export function propertyKey(name: string): string {
  // `__proto__: v` in a literal sets the prototype; a computed key defines the property.
  if (name === '__proto__') return '["__proto__"]';
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : asciiJson(name);
}

/** The bindings as a compact object-literal array (unquoted keys; values as JSON strings). */
export function bindingsLiteral(bindings: ReadonlyArray<object>): string {
  return `[${bindings
    .map((binding) => `{${Object.entries(binding).map(([key, value]) => `${key}:${typeof value === 'string' ? asciiJson(value) : bindingsAttributes(value as Record<string, string>)}`).join(',')}}`)
    .join(',')}]`;
}

function bindingsAttributes(attributes: Record<string, string>): string {
  return `{${Object.entries(attributes).map(([key, value]) => `${asciiJson(key)}:${asciiJson(value)}`).join(',')}}`;
}
