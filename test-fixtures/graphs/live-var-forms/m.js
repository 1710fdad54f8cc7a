import { observe } from './observer.js';
export { i, k, v, c, s, l, d1, d2, t };
observe('before loops');
for (var i = 0; i < 2; i++) observe('for');
for (var k in { p: 1, q: 2 }) observe('for-in');
for (var v of ['o1', 'o2']) observe('for-of');
try { throw 'e'; } catch (err) { var c = 'catch-' + err; }
switch (1) { case 1: var s = 'switch'; }
label: { var l = 'labelled'; break label; }
var { d1, nested: [d2] } = { d1: 'D1', nested: ['D2'] };
try { var t = 'try'; } finally { t += '+finally'; }
