__log.push('first');
