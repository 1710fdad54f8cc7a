__log.push('bad');
return;
