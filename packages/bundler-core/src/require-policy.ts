/**
 * The policy applied to edges between packages, checked at build time where
 * the bundler resolves them: CommonJS `require`s (a denied one's target is
 * replaced by a stub module that throws when it is required, or in debug mode
 * logs the denial and hands over the real module) and, by the same rule, ES
 * imports (hermetic-build.ts puts a deny module before a denied one).
 */
import { ROOT_PACKAGE, type Policy } from './policy-types.js';
import { deniedBuiltinRequireMessage, deniedRequireMessage, denialWarning } from './bootstrap/denial-messages.js';

/** What a `require` reaches outside its own package. */
export interface RequireTarget {
  /** `package`: a module of another package (canonical name); `builtin`: a host built-in module (`fs`). */
  kind: 'package' | 'builtin';
  name: string;
}

/**
 * True when `policy` lets `importer` require `target`, by the rule the
 * bootstrap applies to ES imports: `packages[name] === true`, or for a
 * built-in `builtin[name] === true` or a granted dotted member (`fs.readFile`).
 * A root without an entry is trusted.
 */
export function policyGrantsRequire(policy: Policy, importer: string, target: RequireTarget): boolean {
  const entry = policy.resources[importer];
  if (entry === undefined && importer === ROOT_PACKAGE) return true;
  if (target.kind === 'builtin') {
    const grants = entry?.builtin ?? {};
    return grants[target.name] === true || Object.keys(grants).some((key) => key.startsWith(target.name + '.') && grants[key] === true);
  }
  return entry?.packages?.[target.name] === true;
}

/**
 * True when the override alone revokes the edge: with no explicit policy the
 * generated one grants every edge the build sees, and an override entry
 * replaces the generated grant (`false` revokes it).
 */
export function overrideRevokesRequire(override: Policy | undefined, importer: string, target: RequireTarget): boolean {
  const entry = override?.resources[importer];
  const grants = target.kind === 'builtin' ? entry?.builtin : entry?.packages;
  const value = grants?.[target.name];
  return value !== undefined && value !== true;
}

/** The denial message of a `require` (worded like the ES-import denial). */
export function deniedRequireText(importer: string, target: RequireTarget, fromModule: string, specifier: string): string {
  return target.kind === 'builtin'
    ? deniedBuiltinRequireMessage(importer, target.name, fromModule)
    : deniedRequireMessage(importer, target.name, fromModule, specifier);
}

/**
 * The CommonJS module that replaces a denied `require` target: it throws a
 * `HermeticPolicyError` when required, or in debug mode logs the denial and
 * exports the real module (`realRequest`: an absolute path, or the external
 * specifier).
 */
export function deniedRequireStub(message: string, debug: boolean, realRequest: string): string {
  const q = JSON.stringify;
  if (debug) return `console.warn(${q(denialWarning(message))});\nmodule.exports = require(${q(realRequest)});\n`;
  return `module.exports = (function () {\n  var error = new Error(${q(message)});\n  error.name = "HermeticPolicyError";\n  throw error;\n})();\n`;
}

/**
 * The ES module that replaces the target of a denied `import()`: evaluating it throws a
 * `HermeticPolicyError`, so the `import()` rejects with the denial before the target can run.
 */
export function deniedImportStub(message: string): string {
  return `const error = new Error(${JSON.stringify(message)});\nerror.name = "HermeticPolicyError";\nthrow error;\nexport {};\n`;
}

/**
 * The module that stands for built-in `request` (`node:fs`) when a policy grants a package some of its
 * members only (`"fs.readFile": true`, `"fs.promises.readFile": true`): frozen views holding those
 * members, read from the real module once, as its default export or `module.exports`, and for ES
 * imports as named exports too (importing any other name fails the build). Functions keep the
 * module as their receiver.
 */
export function builtinFacade(request: string, members: string[], format: 'esm' | 'cjs'): string {
  interface Node { leaf: boolean; children: Map<string, Node> }
  const root: Node = { leaf: false, children: new Map() };
  for (const member of members) {
    let node = root;
    for (const part of member.split('.')) {
      let child = node.children.get(part);
      if (child === undefined) node.children.set(part, (child = { leaf: false, children: new Map() }));
      node = child;
    }
    node.leaf = true;
  }
  const q = JSON.stringify;
  const view = (node: Node, path: string): string => {
    const entries = [...node.children].map(([name, child]) => {
      const value = `${path}[${q(name)}]`;
      return `${q(name)}: ${child.leaf ? `member(${value}, ${path})` : view(child, value)}`;
    });
    return `Object.freeze({ ${entries.join(', ')} })`;
  };
  const helper = 'const member = (value, owner) => (typeof value === "function" ? value.bind(owner) : value);';
  if (format === 'cjs') return `${helper}\nconst m = require(${q(request)});\nmodule.exports = ${view(root, 'm')};\n`;
  const names = [...root.children.keys()].filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
  return `import * as m from ${q(request)};\n${helper}\nconst facade = ${view(root, 'm')};\nexport default facade;\n` +
    (names.length === 0 ? '' : `export const { ${names.join(', ')} } = facade;\n`);
}
