// A package the policy grants fetch, document and process: another package's scope or identity is worth stealing.
export function probe() {
  return typeof fetch;
}
