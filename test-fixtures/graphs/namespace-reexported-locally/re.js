import * as ns from './m.js';
export { ns, ns as other };
