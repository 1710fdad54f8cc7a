// Exercises preact and preact/hooks against the fake DOM of fake-dom.js,
// given to preact as the global `document`. Hook effects are scheduled through
// options.requestAnimationFrame and flushed by hand (no timers needed).
import { createDocument, createRoot, toHTML } from './fake-dom.js';
import { h, createElement, Fragment, Component, render, options, createRef, cloneElement, toChildArray, isValidElement, createContext } from 'preact';
import { useState, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useCallback, useContext } from 'preact/hooks';

globalThis.document = createDocument();
const steps = [];
const tick = () => new Promise((resolve) => Promise.resolve().then(resolve));
const pendingFrames = [];
options.requestAnimationFrame = (callback) => pendingFrames.push(callback);
const flushFrames = () => { while (pendingFrames.length) pendingFrames.shift()(); };
let vnodeCount = 0;
const previousVnode = options.vnode;
options.vnode = (vnode) => { vnodeCount++; if (previousVnode) previousVnode(vnode); };

const describeVnode = (v) => (v && typeof v === 'object' ? { type: typeof v.type === 'string' ? v.type : v.type?.name ?? String(v.type), key: v.key ?? null, props: Object.keys(v.props).sort(), children: toChildArray(v.props.children).length } : v);

const vnode = h('div', { id: 'x', key: 'k1', class: 'c' }, 'hi', h('span', null, 'there'));
steps.push(['h', describeVnode(vnode), isValidElement(vnode), vnode.constructor === undefined, vnode.props.children.length]);
steps.push(['createElement', describeVnode(createElement('ul', null, [1, 2].map((n) => createElement('li', { key: n }, n)), null, false))]);
steps.push(['cloneElement', describeVnode(cloneElement(vnode, { id: 'y' }, 'only'))]);
steps.push(['toChildArray', toChildArray([1, [2, [3, null, false]], 'x']).map(String)]);
steps.push(['fragment', describeVnode(h(Fragment, null, 'a', 'b'))]);

const root = createRoot();
const ref = createRef();
render(
  h('section', { id: 'top', style: { color: 'red', 'margin-top': '2px' } },
    h('h1', { ref, title: 'T' }, 'Title'),
    h(Fragment, null, h('p', null, 'one'), h('p', null, 'two')),
    h('svg', { viewBox: '0 0 1 1' }, h('path', { d: 'M0' }))),
  root,
);
steps.push(['render', toHTML(root), ref.current?.localName, ref.current?.namespaceURI === 'http://www.w3.org/1999/xhtml']);

class Counter extends Component {
  constructor(props) { super(props); this.state = { n: props.start }; }
  componentDidMount() { steps.push(['Counter mounted', this.state.n]); }
  componentDidUpdate(prevProps, prevState) { steps.push(['Counter updated', prevState.n, this.state.n]); }
  render(props, state) { return h('b', { onClick: () => this.setState({ n: state.n + 1 }) }, `${props.label}:${state.n}`); }
}
render(h(Counter, { start: 5, label: 'count' }), root);
steps.push(['class component', toHTML(root)]);
root.firstChild.dispatch('click');
await tick(); await tick();
steps.push(['after setState', toHTML(root)]);

const Theme = createContext('light');
function reducer(state, action) { return action === 'inc' ? state + 1 : state; }
function Hooked({ seed }) {
  const [text, setText] = useState('s' + seed);
  const [count, dispatch] = useReducer(reducer, 0);
  const renders = useRef(0);
  renders.current++;
  const doubled = useMemo(() => count * 2, [count]);
  const theme = useContext(Theme);
  const onClick = useCallback(() => { dispatch('inc'); setText('clicked'); }, []);
  useLayoutEffect(() => { steps.push(['layout effect', count]); }, [count]);
  useEffect(() => {
    steps.push(['effect', count]);
    return () => steps.push(['cleanup', count]);
  }, [count]);
  return h('div', { class: theme, onClick }, `${text} ${count} ${doubled} r${renders.current}`);
}
render(h(Theme.Provider, { value: 'dark' }, h(Hooked, { seed: 1 })), root);
steps.push(['hooks mounted', toHTML(root)]);
flushFrames();
await tick();
flushFrames();
root.firstChild.dispatch('click');
await tick(); await tick();
steps.push(['hooks after click', toHTML(root)]);
flushFrames();
await tick();
flushFrames();
render(null, root);
flushFrames();
steps.push(['unmounted', toHTML(root), vnodeCount > 10]);

export { steps };
__log.push('preact done');
