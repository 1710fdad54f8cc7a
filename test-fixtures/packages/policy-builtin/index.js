// Imports a Node built-in module: allowed only by a `builtin` policy entry.
import { basename } from 'node:path';
export const base = () => basename('/srv/data/report.txt');
