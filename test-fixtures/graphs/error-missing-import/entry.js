import './runs-first-if-evaluated.js';
import { present, nope } from './dep.js';
__log.push('entry', present, nope);
