import value, { status, describe } from './async.js';
import { early } from './sibling.js';
__log.push('entry', value, status, describe(), early);
