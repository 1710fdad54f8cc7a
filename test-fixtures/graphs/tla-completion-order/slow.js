__log.push('slow:start');
for (let i = 0; i < 5; i++) await null;
__log.push('slow:end');
