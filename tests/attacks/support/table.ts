/** The suite's printed table: one row per attack, one column per route and mode. */
import { ATTACKS } from '../catalogue.js';
import type { Cell } from './run-matrix.js';

/** Renders `cells` as a fixed-width table (`-` where the attack does not run). */
export function renderTable(cells: Cell[], listed: (cell: Cell) => boolean): string {
  const columns = [...new Set(cells.map((cell) => `${cell.route}/${cell.mode}`))];
  const mark = (cell: Cell | undefined): string => {
    if (cell === undefined) return '-';
    if (cell.outcome === 'ESCAPED' && cell.mode !== 'control') return listed(cell) ? 'ESCAPED(listed)' : 'ESCAPED!';
    return cell.outcome;
  };
  const rows = ATTACKS.map((attack) => [attack.pkg, ...columns.map((column) => mark(cells.find((cell) => cell.attack === attack.pkg && `${cell.route}/${cell.mode}` === column)))]);
  const header = ['attack', ...columns];
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index].length)));
  const line = (row: string[]): string => row.map((text, index) => text.padEnd(widths[index])).join(' | ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-+-'), ...rows.map(line)].join('\n');
}
