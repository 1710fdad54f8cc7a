__log.push('primitive thrower');
throw 'a string';
