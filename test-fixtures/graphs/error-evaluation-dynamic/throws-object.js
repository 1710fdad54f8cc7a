__log.push('object thrower');
throw { kind: 'plain object' };
