__log.push('bad');
class C { m() { return this.#p; } }
