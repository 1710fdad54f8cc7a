/**
 * Structural validation of a policy, with errors that name the file and the
 * exact entry (`resources["a>b"].globals["fetch"]`) and say what is allowed.
 */
import type { Policy } from './policy-types.js';

/** Thrown for a malformed policy; `problems` lists every bad entry. */
export class PolicyError extends Error {
  constructor(readonly source: string, readonly problems: string[]) {
    super(`Invalid Hermetic policy ${source}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'PolicyError';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ENTRY_KINDS = ['globals', 'packages', 'builtin'] as const;

/**
 * Checks `value` against the LavaMoat policy shape and returns it typed.
 * `source` (a file name, or a description) is used in the error message.
 */
export function validatePolicy(value: unknown, source: string): Policy {
  const problems: string[] = [];
  if (!isPlainObject(value)) {
    throw new PolicyError(source, ['the policy must be a JSON object with a "resources" object']);
  }
  const resources = value.resources ?? {};
  if (!isPlainObject(resources)) {
    throw new PolicyError(source, ['"resources" must be an object mapping package names (like "a>b") to their policy']);
  }
  for (const [name, entry] of Object.entries(resources)) {
    const at = `resources[${JSON.stringify(name)}]`;
    if (!isPlainObject(entry)) {
      problems.push(`${at} must be an object with "globals", "packages" and/or "builtin"`);
      continue;
    }
    for (const kind of ENTRY_KINDS) {
      const grants = entry[kind];
      if (grants === undefined) continue;
      if (!isPlainObject(grants)) {
        problems.push(`${at}.${kind} must be an object of name: true/false entries`);
        continue;
      }
      for (const [grantName, grant] of Object.entries(grants)) {
        const ok = kind === 'globals' ? grant === true || grant === false || grant === 'write' : grant === true || grant === false;
        if (!ok) {
          const allowed = kind === 'globals' ? 'true, false or "write"' : 'true or false';
          problems.push(`${at}.${kind}[${JSON.stringify(grantName)}] must be ${allowed} (got ${JSON.stringify(grant)})`);
        }
        if (grantName === '' || grantName.startsWith('.') || grantName.endsWith('.')) {
          problems.push(`${at}.${kind}[${JSON.stringify(grantName)}] is not a valid name or dotted path`);
        }
      }
    }
    if (entry.native !== undefined && typeof entry.native !== 'boolean') {
      problems.push(`${at}.native must be true or false`);
    }
  }
  if (problems.length > 0) throw new PolicyError(source, problems);
  return { ...value, resources } as Policy;
}
