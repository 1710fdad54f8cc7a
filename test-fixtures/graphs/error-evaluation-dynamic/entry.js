async function attempt(spec) {
  try { await import(spec); return 'resolved'; } catch (e) { return e; }
}
const e1 = await attempt('./thrower.js');
const e2 = await attempt('./thrower.js');
const e3 = await attempt('./importer.js');
const p1 = await attempt('./throws-primitive.js');
const p2 = await attempt('./throws-primitive.js');
const o1 = await attempt('./throws-object.js');
const o2 = await attempt('./throws-object.js');
__log.push(e1 instanceof Error, e1.message, e1 === e2, e1 === e3, p1, p1 === p2, o1.kind, o1 === o2);
export const caught = e1.message;
