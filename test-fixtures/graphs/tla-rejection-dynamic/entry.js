const errors = [];
for (const spec of ['./parent.js', './bad.js', './other-parent.js', './bad.js']) {
  try {
    await import(spec);
    errors.push('resolved?');
  } catch (e) {
    errors.push(e);
  }
}
__log.push(errors[0] instanceof TypeError, errors[0].message, errors.every((e) => e === errors[0]));
const okNs = await import('./ok.js');
__log.push(okNs.ok);
