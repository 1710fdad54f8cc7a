__log.push('bad');
new import('./ok.js');
