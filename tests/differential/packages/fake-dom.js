// A minimal DOM, just enough for preact's diff: elements, text nodes,
// attributes, style, event listeners. Serialised with toHTML() so native and
// Hermetic runs can be compared as strings.
class FakeNode {
  constructor(nodeType, name) {
    this.nodeType = nodeType;
    this.nodeName = name.toUpperCase();
    this.localName = name;
    this.childNodes = [];
    this.parentNode = null;
  }
  get firstChild() { return this.childNodes[0] ?? null; }
  get lastChild() { return this.childNodes[this.childNodes.length - 1] ?? null; }
  get nextSibling() {
    if (!this.parentNode) return null;
    const siblings = this.parentNode.childNodes;
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
  insertBefore(node, ref) {
    if (node.parentNode) node.parentNode.removeChild(node);
    const at = ref == null ? this.childNodes.length : this.childNodes.indexOf(ref);
    if (at < 0) throw new Error('insertBefore: reference node is not a child');
    this.childNodes.splice(at, 0, node);
    node.parentNode = this;
    return node;
  }
  appendChild(node) { return this.insertBefore(node, null); }
  removeChild(node) {
    const at = this.childNodes.indexOf(node);
    if (at < 0) throw new Error('removeChild: not a child');
    this.childNodes.splice(at, 1);
    node.parentNode = null;
    return node;
  }
  remove() { if (this.parentNode) this.parentNode.removeChild(this); }
}

class FakeText extends FakeNode {
  constructor(data) { super(3, '#text'); this.data = String(data); }
  get textContent() { return this.data; }
}

class FakeStyle {
  setProperty(name, value) { this[name] = value; }
}

class FakeElement extends FakeNode {
  constructor(name, namespaceURI = 'http://www.w3.org/1999/xhtml') {
    super(1, name);
    this.namespaceURI = namespaceURI;
    this.attributes = {};
    this.style = new FakeStyle();
    this.listeners = {};
    this.onclick = null; // preact lower-cases an event name only when dom has the on<name> property
  }
  setAttribute(name, value) { this.attributes[name] = String(value); }
  getAttribute(name) { return name in this.attributes ? this.attributes[name] : null; }
  removeAttribute(name) { delete this.attributes[name]; }
  addEventListener(type, listener) { (this.listeners[type] ??= []).push(listener); }
  removeEventListener(type, listener) {
    this.listeners[type] = (this.listeners[type] ?? []).filter((l) => l !== listener);
  }
  dispatch(type, detail) {
    const event = { type, detail, target: this, currentTarget: this };
    for (const listener of this.listeners[type] ?? []) listener.call(this, event);
  }
  get textContent() { return this.childNodes.map((c) => c.textContent).join(''); }
  set textContent(value) { this.childNodes = []; if (value) this.appendChild(new FakeText(value)); }
}

export function createDocument() {
  return {
    createElement: (name) => new FakeElement(name),
    createElementNS: (ns, name) => new FakeElement(name, ns),
    createTextNode: (data) => new FakeText(data),
  };
}

export function createRoot() { return new FakeElement('main'); }

export function toHTML(node) {
  if (node.nodeType === 3) return node.data;
  const attrs = Object.keys(node.attributes).sort().map((k) => ` ${k}="${node.attributes[k]}"`).join('');
  const style = Object.keys(node.style).sort().map((k) => `${k}:${node.style[k]}`).join(';');
  const props = ['value', 'checked', 'className', 'id'].filter((p) => Object.hasOwn(node, p)).map((p) => ` .${p}=${JSON.stringify(node[p])}`).join('');
  const on = Object.keys(node.listeners).filter((k) => node.listeners[k].length).sort().map((k) => ` on:${k}`).join('');
  return `<${node.localName}${attrs}${props}${style ? ` style="${style}"` : ''}${on}>${node.childNodes.map(toHTML).join('')}</${node.localName}>`;
}
