__log.push('bad');
eval = 1;
