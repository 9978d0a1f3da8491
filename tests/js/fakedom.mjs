// A small stand-in for the browser's DOM, enough for extension/content/fold.js
// in Node, that logs every read of layout and every change to the document
// in the order they happen: tests/js/fold.test.mjs checks from that log that
// folding reads nothing of layout once it has started to write (a read after
// a write makes the browser lay the page out again, once per fold).
//
// Layout: an element is seen unless it, or an element it lies in, is
// `display: none` by its inline style, has the `hidden` attribute, or has
// the class `print-version` (standing for the page's own CSS rule).

/** The log: `{op: 'read' | 'write', what}` in order. */
export const log = [];
const connectedWrite = (node, what) => {
  if (node.isConnected) log.push({ op: 'write', what });
};

class Node {
  constructor(type) {
    this.nodeType = type;
    this.parentNode = null;
    this.childNodes = [];
  }
  get parentElement() {
    return this.parentNode && this.parentNode.nodeType === 1 ? this.parentNode : null;
  }
  get isConnected() {
    let n = this;
    while (n.parentNode) n = n.parentNode;
    return n === globalThis.document;
  }
  get firstChild() {
    return this.childNodes[0] || null;
  }
  get nextSibling() {
    const sib = this.parentNode ? this.parentNode.childNodes : [];
    return sib[sib.indexOf(this) + 1] || null;
  }
  get textContent() {
    return this.nodeType === 3 ? this.data : this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(s) {
    this.childNodes = [];
    this.appendChild(new Text(String(s)));
  }
  insertBefore(node, ref) {
    if (node.parentNode) node.parentNode.removeChild(node);
    node.parentNode = this;
    const at = ref ? this.childNodes.indexOf(ref) : -1;
    if (at < 0) this.childNodes.push(node);
    else this.childNodes.splice(at, 0, node);
    connectedWrite(this, 'insert');
    return node;
  }
  appendChild(node) {
    return this.insertBefore(node, null);
  }
  append(...nodes) {
    for (const n of nodes) this.appendChild(typeof n === 'string' ? new Text(n) : n);
  }
  prepend(...nodes) {
    for (const n of nodes.reverse()) this.insertBefore(typeof n === 'string' ? new Text(n) : n, this.firstChild);
  }
  removeChild(node) {
    connectedWrite(this, 'remove');
    this.childNodes.splice(this.childNodes.indexOf(node), 1);
    node.parentNode = null;
    return node;
  }
  replaceChild(node, old) {
    this.insertBefore(node, old);
    return this.removeChild(old);
  }
  remove() {
    if (this.parentNode) this.parentNode.removeChild(this);
  }
  replaceWith(...nodes) {
    for (const n of nodes) this.parentNode.insertBefore(n, this);
    this.remove();
  }
  /** Elements below, in document order. */
  descendants(out = []) {
    for (const c of this.childNodes) {
      if (c.nodeType !== 1) continue;
      out.push(c);
      c.descendants(out);
    }
    return out;
  }
  querySelectorAll(sel) {
    return this.descendants().filter((el) => el.matches(sel));
  }
  querySelector(sel) {
    return this.querySelectorAll(sel)[0] || null;
  }
}

class Text extends Node {
  constructor(data) {
    super(3);
    this._data = data;
  }
  get data() {
    return this._data;
  }
  set data(s) {
    connectedWrite(this, 'text');
    this._data = s;
  }
  splitText(at) {
    const rest = new Text(this._data.slice(at));
    this.data = this._data.slice(0, at);
    this.parentNode.insertBefore(rest, this.nextSibling);
    return rest;
  }
}

// Inline style: its properties, kept in step with the `style` attribute.
class Style {
  constructor(el) {
    this.el = el;
    this.props = new Map();
  }
  parse(text) {
    this.props.clear();
    for (const decl of String(text || '').split(';')) {
      const m = /^\s*([\w-]+)\s*:\s*(.*?)\s*(!important)?\s*$/.exec(decl);
      if (m) this.props.set(m[1], { value: m[2], priority: m[3] ? 'important' : '' });
    }
  }
  sync() {
    const text = [...this.props].map(([k, v]) => `${k}: ${v.value}${v.priority ? ' !important' : ''};`).join(' ');
    this.el.attrs.set('style', text);
  }
  setProperty(name, value, priority = '') {
    connectedWrite(this.el, 'style');
    this.props.set(name, { value, priority });
    this.sync();
  }
  removeProperty(name) {
    connectedWrite(this.el, 'style');
    this.props.delete(name);
    this.sync();
  }
  getPropertyValue(name) {
    return this.props.has(name) ? this.props.get(name).value : '';
  }
  getPropertyPriority(name) {
    return this.props.has(name) ? this.props.get(name).priority : '';
  }
}

// Selectors as fold.js uses them: `tag`, `[attr]`, `[attr=""]`, `tag[attr]`.
function matchOne(el, sel) {
  const m = /^([\w-]*)(?:\[([\w-]+)(=""|)\])?$/.exec(sel.trim());
  if (!m) throw new Error(`fakedom: selector not supported: ${sel}`);
  if (m[1] && el.localName !== m[1]) return false;
  if (m[2] && !el.attrs.has(m[2])) return false;
  if (m[3] && el.attrs.get(m[2]) !== '') return false;
  return true;
}

class Element extends Node {
  constructor(tag) {
    super(1);
    this.localName = tag;
    this.attrs = new Map();
    this.style = new Style(this);
    this.shadowRoot = null;
  }
  getAttribute(name) {
    return this.attrs.has(name) ? this.attrs.get(name) : null;
  }
  hasAttribute(name) {
    return this.attrs.has(name);
  }
  setAttribute(name, value) {
    connectedWrite(this, 'attribute');
    this.attrs.set(name, String(value));
    if (name === 'style') this.style.parse(value);
  }
  removeAttribute(name) {
    connectedWrite(this, 'attribute');
    this.attrs.delete(name);
    if (name === 'style') this.style.props.clear();
  }
  set className(v) {
    this.attrs.set('class', v);
  }
  matches(sel) {
    return sel.split(',').some((s) => matchOne(this, s));
  }
  closest(sel) {
    for (let el = this; el; el = el.parentElement) if (el.matches(sel)) return el;
    return null;
  }
  attachShadow() {
    this.shadowRoot = new Node(11);
    return this.shadowRoot;
  }
  addEventListener() {}
  get firstElementChild() {
    return this.childNodes.find((c) => c.nodeType === 1) || null;
  }
  // The page's layout, as the browser would compute it.
  shown() {
    for (let el = this; el; el = el.parentElement) {
      if (el.style.getPropertyValue('display') === 'none' || el.attrs.has('hidden')) return false;
      if ((el.getAttribute('class') || '').split(' ').includes('print-version')) return false;
    }
    return this.isConnected;
  }
  checkVisibility() {
    log.push({ op: 'read', what: 'checkVisibility' });
    return this.shown();
  }
  getClientRects() {
    log.push({ op: 'read', what: 'getClientRects' });
    return this.shown() ? [{}] : [];
  }
  getBoundingClientRect() {
    log.push({ op: 'read', what: 'getBoundingClientRect' });
    return { width: 0, height: 0 };
  }
}
for (const prop of ['offsetWidth', 'offsetHeight', 'offsetTop', 'clientHeight', 'scrollHeight']) {
  Object.defineProperty(Element.prototype, prop, {
    get() {
      log.push({ op: 'read', what: prop });
      return 0;
    },
  });
}

class Document extends Node {
  constructor() {
    super(9);
  }
  createElement(tag) {
    return new Element(tag);
  }
  createTextNode(s) {
    return new Text(s);
  }
  get documentElement() {
    return this.firstElementChild;
  }
  get firstElementChild() {
    return this.childNodes.find((c) => c.nodeType === 1) || null;
  }
  // Walks elements and text below `root`, as fold.js's textSegments asks.
  createTreeWalker(root, _show, filter) {
    const order = [];
    const visit = (n) => {
      for (const c of n.childNodes) {
        const verdict = filter.acceptNode(c);
        if (verdict === 1) order.push(c);
        if (verdict !== 2 && c.nodeType === 1) visit(c);
      }
    };
    visit(root);
    let k = 0;
    return { nextNode: () => order[k++] || null };
  }
}

/**
 * Installs the stand-in as the globals fold.js reads and builds `html`
 * (a tree of `[tag, attrs, ...children]` arrays and strings) as the page.
 * Returns every element of it in document order.
 */
export function installPage(tree) {
  const doc = new Document();
  globalThis.document = doc;
  globalThis.Element = Element;
  globalThis.NodeFilter = { SHOW_ELEMENT: 1, SHOW_TEXT: 4, FILTER_ACCEPT: 1, FILTER_REJECT: 2, FILTER_SKIP: 3 };
  globalThis.getComputedStyle = (el) => {
    log.push({ op: 'read', what: 'getComputedStyle' });
    return { display: el.shown() ? 'block' : 'none' };
  };
  const build = (node) => {
    if (typeof node === 'string') return new Text(node);
    const [tag, attrs, ...kids] = node;
    const el = new Element(tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
    for (const k of kids) el.appendChild(build(k));
    return el;
  };
  doc.appendChild(build(tree));
  log.length = 0;
  return [doc.documentElement, ...doc.documentElement.descendants()];
}
