__events.push('shared:start');
await null;
export const shared = 'S';
__events.push('shared:end');
