globalThis.whoIsThis = function () { return this; };
globalThis.sloppyThis = globalThis.whoIsThis;
globalThis.holder = { method() { return this; } };
globalThis.tagArgs = (strings, ...values) => strings.raw.join('|') + values.join();
globalThis.GlobalClass = class { constructor() { this.made = 'made'; } };
