__log.push('bad');
import { a } from './ok.js';
import { b as a } from './ok.js';
