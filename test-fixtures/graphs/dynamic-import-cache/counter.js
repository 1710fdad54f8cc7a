__log.push('counter evaluated');
export let count = 1;
