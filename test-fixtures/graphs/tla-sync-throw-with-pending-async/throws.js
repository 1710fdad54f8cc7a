__log.push('throws');
throw new TypeError('thrown synchronously');
