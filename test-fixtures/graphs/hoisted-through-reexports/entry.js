import './impl.js';
import { report } from './a.js';
__log.push('entry', report);
