__log.push('bottom');
