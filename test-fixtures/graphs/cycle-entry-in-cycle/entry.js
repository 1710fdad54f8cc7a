import { dep, readEntry } from './dep.js';
__log.push('entry:start', dep, readEntry());
export let value = 'entry-value';
export function hello() { return 'hello from entry'; }
__log.push('entry:end', readEntry());
