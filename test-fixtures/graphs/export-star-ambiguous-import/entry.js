import './first.js';
import { dup } from './barrel.js';
__log.push('entry', dup);
