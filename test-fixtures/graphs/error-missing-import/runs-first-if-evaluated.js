__log.push('would run first');
