/**
 * Loads observe.mjs into the test's realm, so the Hermetic side describes
 * values with the same code as the native child.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Observer from './observe.mjs';

let loaded: Promise<typeof Observer> | undefined;

/** The shared observer module (loaded once per test file). */
export function loadObserver(): Promise<typeof Observer> {
  loaded ??= import(pathToFileURL(path.join(__dirname, 'observe.mjs')).href) as Promise<typeof Observer>;
  return loaded;
}
