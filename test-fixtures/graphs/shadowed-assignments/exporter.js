import { probe } from './prober.js';
export let ex = 'exported';
export function runEarly() { return probe() + ' / after: ' + ex; }
