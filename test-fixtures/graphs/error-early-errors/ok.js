__log.push('ok');
