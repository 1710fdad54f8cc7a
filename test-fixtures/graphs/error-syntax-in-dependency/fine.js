__log.push('fine');
