__log.push('bad');
import { a } from './ok.js';
let a = 1;
