__log.push('ticker start');
for (let i = 0; i < 12; i++) { await null; __log.push('t' + i); }
