__log.push('dep runs once');
