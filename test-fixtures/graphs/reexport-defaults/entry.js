import d1 from './re-default.js';
import { renamed } from './re-renamed.js';
import d3 from './re-named-as-default.js';
import d4 from './import-then-export-default.js';
import d5 from './import-then-export-as-default.js';
import { change } from './source.js';
__log.push(d1, renamed, d3, d4, d5);
change();
__log.push(d1, renamed, d3, d4, d5);
