__log.push('outside runs');
