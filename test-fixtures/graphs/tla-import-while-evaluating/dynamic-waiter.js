__log.push('waiter');
export const waiter = import('./slow.js');
waiter.then((ns) => __log.push('waiter resolved', ns.done));
