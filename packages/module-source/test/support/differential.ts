/**
 * Runs one module graph natively (files in a fresh temp dir, a child Node
 * process's own `import()`) and through compiled records (MiniLinker), and describes each
 * outcome the same way so a test can compare them.
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { MiniLinker } from './mini-linker.js';

/** What running a graph produced: the entry's `result` export or the error's kind, and the side-effect log. */
export interface Outcome {
  ok: boolean;
  result?: unknown;
  error?: string;
  log: unknown[];
}

type Log = { log: unknown[] };

function describeError(error: unknown): string {
  return error instanceof Error ? error.constructor.name : `thrown ${String(error)}`;
}

async function observe(run: () => Promise<object>): Promise<Outcome> {
  const host = globalThis as unknown as Log;
  host.log = [];
  try {
    const ns = (await run()) as { result?: unknown };
    const result = typeof ns.result === 'function' ? await (ns.result as () => unknown)() : ns.result;
    return { ok: true, result, log: host.log };
  } catch (error) {
    return { ok: false, error: describeError(error), log: host.log };
  }
}

/** Runs `files[entry]` with Node's native module loader. */
export function runNative(files: { [name: string]: string }, entry: string): Promise<Outcome> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hermetic-ms-'));
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const child = spawnSync(process.execPath, [path.join(__dirname, 'native-runner.mjs'), path.join(dir, entry)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`native run failed: ${child.stderr}`);
  return Promise.resolve(normalise(JSON.parse(child.stdout, (key, value) => (value === '__undefined__' ? undefined : value)) as Outcome));
}

/** Both sides pass through JSON so that they describe values identically. */
function normalise(outcome: Outcome): Outcome {
  return JSON.parse(JSON.stringify(outcome, (key, value) => (value === undefined ? '__undefined__' : value)), (key, value) =>
    value === '__undefined__' ? undefined : value,
  ) as Outcome;
}

/** Runs `files[entry]` through compiled records and the test linker. */
export function runCompiled(files: { [name: string]: string }, entry: string, globalObject: object = globalThis): Promise<Outcome> {
  const map = new Map(Object.entries(files).map(([name, text]) => [`./${name}`, text]));
  return observe(() => new MiniLinker(map, globalObject).import(`./${entry}`)).then(normalise);
}
