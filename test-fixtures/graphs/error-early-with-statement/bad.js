__log.push('bad');
with ({}) {}
