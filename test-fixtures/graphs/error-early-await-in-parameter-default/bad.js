__log.push('bad');
async function f(a = await 1) {}
