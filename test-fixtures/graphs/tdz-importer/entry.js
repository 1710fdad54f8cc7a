import { later, K, C, v, f } from './exporter.js';
import { probe } from './reader.js';
__log.push('entry', later, K, typeof C, v, f(), probe());
