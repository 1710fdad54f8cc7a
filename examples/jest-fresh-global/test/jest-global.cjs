// Left to plain CommonJS (the preset excludes .cjs): its globalThis is Jest's own.
module.exports = () => globalThis;
