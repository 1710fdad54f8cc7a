import { harvest } from './harvest.js';
// Class 7 (granted document.createElement only): a DOM node's ownerDocument.defaultView is the window.
// The tolerated route: a grant of any DOM node API is a grant of the window (docs/security.md).
export async function collect() {
  const node = document.createElement('div');
  return harvest([node.ownerDocument, node.ownerDocument.defaultView]);
}
