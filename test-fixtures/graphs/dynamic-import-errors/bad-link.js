import './ok.js';
import { nothing } from './ok.js';
__log.push('bad-link never runs');
