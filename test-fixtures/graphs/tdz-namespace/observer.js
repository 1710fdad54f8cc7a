import * as ns from './target.js';
function attempt(label, read) {
  try { __log.push(label, read()); } catch (e) { __log.push(label, 'threw ' + e.constructor.name); }
}
attempt('keys', () => Object.keys(ns).join(','));
attempt('ownKeys', () => Reflect.ownKeys(ns).length);
attempt('has', () => 'value' in ns);
attempt('read', () => ns.value);
attempt('fn', () => ns.fn());
attempt('descriptor', () => Object.getOwnPropertyDescriptor(ns, 'value'));
attempt('hasOwn', () => Object.prototype.hasOwnProperty.call(ns, 'value'));
attempt('values', () => Object.values(ns));
attempt('typeof', () => typeof ns.z);
attempt('set', () => { ns.value = 1; });
attempt('delete', () => delete ns.value);
attempt('isFrozen', () => Object.isFrozen(ns));
attempt('isSealed', () => Object.isSealed(ns));
