__log.push('first would run before entry');
