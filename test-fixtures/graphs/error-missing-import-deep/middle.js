import { absent } from './leaf.js';
__log.push('middle', absent);
