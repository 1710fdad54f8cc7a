/**
 * tests/attacks/known-escapes.json: the escapes the threat model (docs/security.md) lists, each naming the
 * attack, the plugin (or `node` for `hermetic run`), the mode and the reason. An escape not listed fails
 * the suite; `HERMETIC_ATTACKS_UPDATE=1` rewrites the file from the current results (reasons kept).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ATTACKS } from '../catalogue.js';
import type { Cell } from './run-matrix.js';

/** One listed escape. */
export interface KnownEscape {
  attack: string;
  plugin: string;
  mode: 'default' | 'hardened';
  reason: string;
}

const FILE = join(__dirname, '..', 'known-escapes.json');

/** The listed escapes. */
export function readKnownEscapes(): KnownEscape[] {
  const parsed = JSON.parse(readFileSync(FILE, 'utf8')) as { escapes: KnownEscape[] };
  for (const entry of parsed.escapes) {
    if (!entry.attack || !entry.plugin || !entry.mode || !entry.reason) throw new Error(`known-escapes.json: incomplete entry ${JSON.stringify(entry)}`);
  }
  return parsed.escapes;
}

const keyOf = (attack: string, plugin: string, mode: string): string => `${attack} ${plugin} ${mode}`;

/** The entry that lists `cell`, if any. */
export function listedEscape(known: KnownEscape[], cell: Cell): KnownEscape | undefined {
  return known.find((entry) => keyOf(entry.attack, entry.plugin, entry.mode) === keyOf(cell.attack, cell.route, cell.mode));
}

function defaultReason(cell: Cell): string {
  const cls = ATTACKS.find((attack) => attack.pkg === cell.attack)?.cls ?? 0;
  if (ATTACKS.find((attack) => attack.pkg === cell.attack)?.domRoute === true) {
    return cell.warned === true
      ? 'tolerated: a DOM back-reference from a granted DOM or EventTarget API, which the build warns is equivalent to granting window (docs/security.md, "The tolerated route")'
      : 'open: a DOM back-reference from a grant the build does not warn about (issue 9 class 7; bundler-core dom-grants.ts)';
  }
  if ((cls === 10 || cls === 8) && cell.mode === 'default') return 'class 10: default mode shares intrinsics; use hardened (docs/security.md, "Default and hardened mode")';
  return `open: fix in progress (issue 9 class ${cls})`;
}

/** Rewrites the file with the escapes in `cells`, keeping the reason of entries already listed. */
export function writeKnownEscapes(cells: Cell[], known: KnownEscape[]): void {
  const escapes: KnownEscape[] = cells
    .filter((cell) => cell.outcome === 'ESCAPED' && cell.mode !== 'control')
    .map((cell) => ({
      attack: cell.attack, plugin: cell.route, mode: cell.mode as KnownEscape['mode'],
      // A DOM-route reason follows the build's warning; other reasons are the lead's to keep.
      reason: (ATTACKS.find((attack) => attack.pkg === cell.attack)?.domRoute === true ? undefined : listedEscape(known, cell)?.reason) ?? defaultReason(cell),
    }));
  const comment = 'Escapes the threat model (docs/security.md) lists; tests/attacks/attacks.test.ts fails on any other. ' +
    'plugin: esbuild | rollup | vite | node (hermetic run). Shrink it as routes close; HERMETIC_ATTACKS_UPDATE=1 rewrites it from a run.';
  writeFileSync(FILE, `${JSON.stringify({ $comment: comment, escapes }, null, 2)}\n`);
}
