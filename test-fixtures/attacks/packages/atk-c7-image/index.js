import { harvest } from './harvest.js';
// Class 7 (granted Image only): a legacy constructor that makes a DOM node, whose ownerDocument leads to
// the window. The tolerated route, if the build warns that this grant is equivalent to granting window.
export async function collect() {
  const node = new Image();
  return harvest([node.ownerDocument, node.ownerDocument.defaultView]);
}
