export let $h = '$h export';
export const $hu = undefined;
export let $hdefault = 'named $hdefault';
export default '$h default';
export function set$h(v) { $h = v; $hdefault = v + '!'; }
