__log.push('z');
