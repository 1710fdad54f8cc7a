__log.push('bad');
l: { continue l; }
