/**
 * Policy warnings for grants that reach the page's window anyway: a DOM node
 * leads to it (`node.ownerDocument.defaultView`), and so does an event of a
 * window listener (`event.currentTarget`), so a package granted one of these
 * holds, in effect, `window` and everything it has (issue 9's one tolerated
 * route, which the threat model documents).
 */
import type { GlobalGrant, Policy } from './policy-types.js';

/** Top-level globals that are DOM nodes, DOM classes, or EventTarget methods of the window itself. */
const DOM_NAMES = new Set([
  'document', 'Node', 'Element', 'Document', 'HTMLDocument', 'DocumentFragment', 'ShadowRoot', 'Text', 'Comment', 'Attr',
  'CharacterData', 'EventTarget', 'Window', 'addEventListener', 'removeEventListener', 'dispatchEvent', 'event',
  'frames', 'parent', 'top', 'opener', 'frameElement', 'getSelection', 'customElements',
  // Constructors of nodes (`new Image().ownerDocument`) and of ranges (`new Range().startContainer` is the document).
  'Image', 'Audio', 'Option', 'Range', 'StaticRange', 'Selection',
  // A popup's window (`open()`), whose `opener` is the page's.
  'open',
]);

/** Element classes (`HTMLElement`, `HTMLDivElement`, `SVGElement`, …) and event-handler properties (`onmessage`). */
const DOM_PATTERN = /^(?:(?:HTML|SVG|MathML)\w*Element|on[a-z]+)$/;

/** The names that mean the global object itself, stripped from the front of a path (`window.document`). */
const ALIASES = new Set(['window', 'self', 'globalThis', 'global']);

/** Whether a policy `globals` path grants a DOM node or an EventTarget API. */
export function isDomGrant(path: string): boolean {
  const parts = path.split('.');
  let first = 0;
  while (first < parts.length - 1 && ALIASES.has(parts[first])) first++;
  return DOM_NAMES.has(parts[first]) || DOM_PATTERN.test(parts[first]);
}

/**
 * One warning per package whose `globals` grant (not `false`) a DOM node or
 * EventTarget API, naming the entries: such a grant is equivalent to granting
 * `window`. For the caller to report when the policy is loaded.
 */
export function domGrantWarnings(policy: Policy): string[] {
  const warnings: string[] = [];
  for (const [packageName, entry] of Object.entries(policy.resources)) {
    const globals: Record<string, GlobalGrant> = entry.globals ?? {};
    const entries = Object.keys(globals).filter((path) => globals[path] !== false && isDomGrant(path));
    if (entries.length === 0) continue;
    warnings.push(
      `Package "${packageName}" is granted ${entries.join(', ')}: a DOM node or EventTarget reaches the page's window ` +
        '(node.ownerDocument.defaultView, event.currentTarget), so this grant is equivalent to granting `window`.',
    );
  }
  return warnings;
}
