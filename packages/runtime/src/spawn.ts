/**
 * `spawn(bindings?, subset?)` from the 2009 Spawn strawman (CONFORMANCE 48).
 *
 * A sandbox is a global object holding the standard built-ins, its own
 * `eval`, `Function`, `Global` and `spawn` (which spawns children), and
 * `bindings` (copied as they cross in). Sandboxes form a tree: a sandbox
 * spawned by code inside another is its child. Everything crossing between
 * a sandbox and its parent goes through that sandbox's membrane
 * (membrane.ts), so `deactivate(reason)` can revoke every object that ever
 * crossed, in the sandbox and in all its descendants. It throws, changing
 * nothing, while code of any of them is running (a call through one of their
 * membranes is on the stack).
 *
 * `subset: 'strict'` makes everything the sandbox and its descendants
 * evaluate strict code; a child's subset composes with (can only narrow)
 * its parent's. Sandboxes have no module loader: `import()` rejects.
 */
import { createGlobal } from './global.js';
import type { ImportHook } from './module-bridge.js';
import { createMembrane, wrapDescriptor, type Membrane } from './membrane.js';
import { defineHidden, describe, isObject, notAnObject } from './shared-helpers.js';
import { standardGlobalNames } from './standard-globals.js';

/** The language subsets a sandbox can be constrained to. */
export type SpawnSubset = 'strict';

/** What `spawn` returns to the code that spawned the sandbox. */
export interface Sandbox {
  /** The sandbox's global object, seen through its membrane. */
  readonly globalThis: Record<PropertyKey, unknown>;
  /** Revokes every object that crossed out of or into this sandbox and its descendants. */
  deactivate(reason?: unknown): void;
}

interface SandboxNode {
  readonly membrane: Membrane;
  readonly children: SandboxNode[];
  readonly strict: boolean;
  readonly name: string;
}

let sandboxCount = 0;

const noModuleLoader: ImportHook = (specifier) => {
  throw new TypeError(`import('${specifier}'): a spawned sandbox has no module loader`);
};

function readSubset(subset: unknown): SpawnSubset | undefined {
  if (subset === undefined || subset === 'strict') return subset;
  throw new TypeError(`spawn subset must be 'strict' or undefined, got ${describe(subset)}`);
}

/** A sandbox and all its descendants. */
function tree(node: SandboxNode): SandboxNode[] {
  return [node, ...node.children.flatMap(tree)];
}

function spawnUnder(parent: SandboxNode | undefined, bindings: unknown, subset: unknown): Sandbox {
  const strict = (parent?.strict ?? false) || readSubset(subset) === 'strict';
  if (bindings !== undefined && !isObject(bindings)) {
    throw notAnObject('spawn bindings', bindings);
  }
  sandboxCount += 1;
  const name = `${parent ? `${parent.name} > ` : ''}sandbox #${sandboxCount}`;
  const node: SandboxNode = { membrane: createMembrane(name), children: [], strict, name };
  parent?.children.push(node);

  const sandboxGlobal = createGlobal(
    globalThis,
    { importHook: noModuleLoader, forceStrict: strict },
    { keys: standardGlobalNames },
  );
  defineHidden(sandboxGlobal, { spawn: (childBindings?: unknown, childSubset?: unknown): Sandbox => spawnUnder(node, childBindings, childSubset) });
  if (bindings !== undefined) {
    for (const key of Reflect.ownKeys(bindings)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(bindings, key);
      if (!descriptor) continue;
      Object.defineProperty(sandboxGlobal, key, { ...wrapDescriptor(descriptor, node.membrane.toInside), configurable: true });
    }
  }

  return Object.freeze({
    globalThis: node.membrane.toOutside(sandboxGlobal) as Record<PropertyKey, unknown>,
    deactivate(reason?: unknown): void {
      const nodes = tree(node);
      const busy = nodes.find((each) => each.membrane.entered);
      if (busy) {
        throw new Error(`Cannot deactivate ${node.name} while code of ${busy.name} is running; retry once it returns`);
      }
      for (const each of nodes) each.membrane.revoke(reason);
    },
  });
}

/**
 * Spawns a sandbox under the host: a fresh global with the standard
 * built-ins plus `bindings`, reached only through a revocable membrane.
 */
export function spawn(bindings?: object, subset?: SpawnSubset): Sandbox {
  return spawnUnder(undefined, bindings, subset);
}
