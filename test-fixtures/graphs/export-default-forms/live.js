let x = 'live-1';
export { x as default };
export function bump() { x = 'live-2'; }
