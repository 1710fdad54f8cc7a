let value = 'v1';
let named = 'n1';
export { value as default, named };
export function change() { value = 'v2'; named = 'n2'; }
