export let status = 'starting';
export function describe() { return 'status=' + status; }
__log.push('async:start');
await null;
status = 'halfway';
export default await Promise.resolve('awaited default');
status = 'done';
