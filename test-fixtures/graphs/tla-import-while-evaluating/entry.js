import './slow.js';
import { waiter } from './dynamic-waiter.js';
__log.push('entry', (await waiter).done);
