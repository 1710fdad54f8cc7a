/**
 * A small, strict argument parser for the `hermetic` command: unknown flags
 * are errors that list the valid ones.
 */

/** Parsed command line: positional arguments and flags. */
export interface ParsedArguments {
  positionals: string[];
  flags: Record<string, string | boolean>;
}

/** Flags a command accepts: `true` for boolean flags, `false` for flags taking a value. */
export type FlagSpec = Record<string, boolean>;

/** Thrown for a bad command line; the CLI prints the message and the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses `args` against `spec` (`--flag`, `--flag value`, `--flag=value`, `--no-flag`). */
export function parseArguments(args: string[], spec: FlagSpec): ParsedArguments {
  const positionals: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [rawName, inlineValue] = arg.slice(2).split(/=(.*)/s, 2);
    const negated = rawName.startsWith('no-') && spec[rawName.slice(3)] === true;
    const name = negated ? rawName.slice(3) : rawName;
    if (!(name in spec)) {
      throw new UsageError(`Unknown option --${rawName}. Valid options: ${Object.keys(spec).map((f) => `--${f}`).join(', ')}`);
    }
    if (spec[name]) {
      flags[name] = !negated;
    } else {
      const value = inlineValue ?? args[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`Option --${name} needs a value`);
      flags[name] = value;
    }
  }
  return { positionals, flags };
}
