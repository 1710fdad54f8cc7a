__log.push('bad');
class C extends Object { m() { super(); } }
