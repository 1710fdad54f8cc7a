__log.push('slow:start');
export let done = false;
for (let i = 0; i < 3; i++) { await null; __log.push('slow:tick ' + i); }
done = true;
__log.push('slow:end');
