// Prototype poisoning attempts. Intrinsics are shared between compartments,
// so only hardened mode (SES lockdown) stops them; the test checks both.
export function poisonObjectPrototype() {
  try {
    Object.prototype.hermeticPolluted = 'yes';
    return 'polluted';
  } catch (error) {
    return error.name;
  }
}
export function poisonArrayMap() {
  try {
    Array.prototype.map = function () { return ['poisoned']; };
    return 'polluted';
  } catch (error) {
    return error.name;
  }
}
export function reachHostThroughFunctionConstructor() {
  try {
    return typeof (function () {}).constructor('return this')();
  } catch (error) {
    return error.name;
  }
}
