import { __proto__ as proto, constructor, toString, hasOwnProperty, valueOf } from './m.js';
import * as ns from './m.js';
import * as re from './re.js';
__log.push(proto, constructor, toString, hasOwnProperty, valueOf);
__log.push(Object.keys(ns).join(), ns.__proto__, Object.getPrototypeOf(ns) === null, Object.hasOwn(ns, '__proto__'));
__log.push(Object.keys(re).join(), re.__proto__, re.constructor);
export { proto as __proto__ };
