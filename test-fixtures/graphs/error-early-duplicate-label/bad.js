__log.push('bad');
l: l: ;
