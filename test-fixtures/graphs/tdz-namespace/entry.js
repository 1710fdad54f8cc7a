import * as target from './target.js';
import './observer.js';
__log.push('entry', Object.keys(target).join(','), target.value);
