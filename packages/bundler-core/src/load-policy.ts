/**
 * Reads a policy file (Hermetic's or LavaMoat's `policy.json`, unchanged) and
 * validates it.
 */
import { readFileSync, existsSync } from 'node:fs';
import { validatePolicy, PolicyError } from './validate-policy.js';
import type { Policy } from './policy-types.js';

/** Parses policy JSON text; `source` names it in errors. */
export function parsePolicy(text: string, source: string): Policy {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PolicyError(source, [`not valid JSON: ${(error as Error).message}`]);
  }
  return validatePolicy(value, source);
}

/** Loads and validates the policy file at `file`. */
export function loadPolicyFile(file: string): Policy {
  if (!existsSync(file)) {
    throw new PolicyError(file, ['the file does not exist (generate one with `hermetic policy`)']);
  }
  return parsePolicy(readFileSync(file, 'utf8'), file);
}

/** A policy given inline or as a file path. */
export type PolicyInput = string | Policy;

/** Loads a policy given as a path, or validates one given as an object. */
export function resolvePolicyInput(input: PolicyInput, what: string): Policy {
  return typeof input === 'string' ? loadPolicyFile(input) : validatePolicy(input, what);
}
