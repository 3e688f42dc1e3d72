/* A small stand-in for the browser's DOM, for the plan's screen scripts in Node (no npm packages):
   elements, text, templates, attributes and the properties the scripts use, events that capture
   and bubble, and the CSS selectors they use (tags, #id, .class, [attr], [attr=v], [attr^=v],
   [attr$=v], :not(), descendant and child combinators, lists). Pages are built with h(). */
"use strict";

const REFLECTED = { id: "id", className: "class", name: "name", type: "type", href: "href", htmlFor: "for", lang: "lang" };
const BOOLEAN = ["hidden", "open", "disabled", "checked", "selected"];

class Node {
  constructor(doc) { this.ownerDocument = doc; this.parentNode = null; this.childNodes = []; }
  get firstChild() { return this.childNodes[0] || null; }
  get lastChild() { return this.childNodes[this.childNodes.length - 1] || null; }
  get children() { return this.childNodes.filter((n) => n.nodeType === 1); }
  get firstElementChild() { return this.children[0] || null; }
  get textContent() { return this.childNodes.map((n) => n.textContent).join(""); }
  set textContent(text) { this.childNodes.forEach((n) => { n.parentNode = null; }); this.childNodes = []; if (text !== "") this.appendChild(this.ownerDocument.createTextNode(String(text))); }
  get isConnected() { let n = this; while (n.parentNode) n = n.parentNode; return n === this.ownerDocument; }
  appendChild(node) { return this.insertBefore(node, null); }
  insertBefore(node, before) {
    const nodes = node.nodeType === 11 ? node.childNodes.slice() : [node];
    nodes.forEach((each) => {
      if (each.parentNode) each.parentNode.removeChild(each);
      const at = before ? this.childNodes.indexOf(before) : -1;
      if (at < 0) this.childNodes.push(each); else this.childNodes.splice(at, 0, each);
      each.parentNode = this;
    });
    return node;
  }
  removeChild(node) { this.childNodes.splice(this.childNodes.indexOf(node), 1); node.parentNode = null; return node; }
  remove() { if (this.parentNode) this.parentNode.removeChild(this); }
  replaceChildren(...nodes) { this.textContent = ""; nodes.forEach((n) => this.appendChild(n)); }
  contains(node) { for (let n = node; n; n = n.parentNode) if (n === this) return true; return false; }
  descendants() { const out = []; const walk = (n) => n.children.forEach((c) => { out.push(c); walk(c); }); walk(this); return out; }
  querySelectorAll(selector) { return this.descendants().filter((el) => matches(el, selector, this)); }
  querySelector(selector) { return this.querySelectorAll(selector)[0] || null; }
  addEventListener(type, fn, capture) { (this.listeners = this.listeners || []).push({ type, fn, capture: !!(capture && (capture === true || capture.capture)) }); }
  removeEventListener(type, fn) { this.listeners = (this.listeners || []).filter((l) => l.type !== type || l.fn !== fn); }
  dispatchEvent(event) {
    const path = [];
    for (let n = this; n; n = n.parentNode || (n === n.ownerDocument ? n.defaultView : null)) path.unshift(n);
    event.target = this;
    const run = (node, capture) => (node.listeners || []).filter((l) => l.type === event.type && (node === this || l.capture === capture))
      .forEach((l) => { if (!event.stopped) l.fn.call(node, event); });
    for (const node of path.slice(0, -1)) { if (event.stopped) break; run(node, true); }
    if (!event.stopped) run(this, null);
    if (event.bubbles) for (const node of path.slice(0, -1).reverse()) { if (event.stopped) break; run(node, false); }
    return true;
  }
}

class Text extends Node {
  constructor(doc, text) { super(doc); this.nodeType = 3; this.data = text; }
  get textContent() { return this.data; }
  set textContent(text) { this.data = String(text); }
  cloneNode() { return new Text(this.ownerDocument, this.data); }
}

class Fragment extends Node {
  constructor(doc) { super(doc); this.nodeType = 11; }
  cloneNode(deep) { const copy = new Fragment(this.ownerDocument); if (deep) this.childNodes.forEach((c) => copy.appendChild(c.cloneNode(true))); return copy; }
}

class Element extends Node {
  constructor(doc, tag) {
    super(doc);
    this.nodeType = 1;
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.style = {};
    this.valueState = null;
    if (this.tagName === "TEMPLATE") this.content = new Fragment(doc);
  }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  removeAttribute(name) { this.attributes.delete(name); }
  hasAttribute(name) { return this.attributes.has(name); }
  get classList() {
    const el = this, list = () => (el.getAttribute("class") || "").split(/\s+/).filter(Boolean);
    const set = (names) => el.setAttribute("class", names.join(" "));
    return {
      contains: (c) => list().includes(c),
      add: (...cs) => set([...new Set(list().concat(cs))]),
      remove: (...cs) => set(list().filter((x) => !cs.includes(x))),
      toggle: (c, force) => { const on = force === undefined ? !list().includes(c) : !!force; if (on) this.classList.add(c); else this.classList.remove(c); return on; }
    };
  }
  get value() {
    if (this.tagName === "SELECT") { const o = this.options.find((x) => x.selected) || this.options[0]; return o ? o.value : ""; }
    if (this.tagName === "OPTION") return this.getAttribute("value") !== null ? this.getAttribute("value") : this.textContent;
    if (this.valueState !== null) return this.valueState;
    return this.tagName === "TEXTAREA" ? this.textContent : this.getAttribute("value") || "";
  }
  set value(v) {
    if (this.tagName === "SELECT") { this.options.forEach((o) => { o.selected = o.value === String(v); }); return; }
    this.valueState = String(v);
  }
  get options() { return this.querySelectorAll("option"); }
  get text() { return this.textContent; }
  get selectedIndex() { return this.options.findIndex((o) => o.value === this.value); }
  get selectedOptions() { return this.options.filter((o) => o.value === this.value); }
  get offsetParent() { return this.closest("[hidden]") ? null : this.parentNode; }
  get clientWidth() { return 640; }
  getClientRects() { return this.offsetParent ? [{}] : []; }
  closest(selector) { for (let n = this; n && n.nodeType === 1; n = n.parentNode) if (matches(n, selector)) return n; return null; }
  matches(selector) { return matches(this, selector); }
  focus() { this.ownerDocument.activeElement = this; }
  blur() { this.ownerDocument.activeElement = this.ownerDocument.body; }
  click() { this.dispatchEvent(new Event("click", { bubbles: true })); }
  scrollIntoView() {}
  cloneNode(deep) {
    const copy = new Element(this.ownerDocument, this.tagName);
    this.attributes.forEach((v, k) => copy.attributes.set(k, v));
    BOOLEAN.forEach((b) => { if (this["_" + b] !== undefined) copy["_" + b] = this["_" + b]; });
    if (deep) this.childNodes.forEach((c) => copy.appendChild(c.cloneNode(true)));
    if (deep && this.content) this.content.childNodes.forEach((c) => copy.content.appendChild(c.cloneNode(true)));
    return copy;
  }
}
Object.keys(REFLECTED).forEach((prop) => Object.defineProperty(Element.prototype, prop, {
  get() { return this.getAttribute(REFLECTED[prop]) || ""; }, set(v) { this.setAttribute(REFLECTED[prop], v); }
}));
/* hidden, open and disabled reflect their attribute (as in a browser); checked and selected do not. */
BOOLEAN.forEach((prop) => Object.defineProperty(Element.prototype, prop, {
  get() { return this["_" + prop] !== undefined ? this["_" + prop] : this.hasAttribute(prop); },
  set(v) {
    const was = this[prop];
    if (prop === "checked" || prop === "selected") this["_" + prop] = !!v;
    else if (v) this.setAttribute(prop, ""); else this.removeAttribute(prop);
    if (prop === "open" && was !== !!v) this.dispatchEvent(new Event("toggle"));
  }
}));

class Event {
  constructor(type, options) { this.type = type; this.bubbles = !!(options && options.bubbles); this.stopped = false; }
  stopPropagation() { this.stopped = true; }
  stopImmediatePropagation() { this.stopped = true; }
  preventDefault() { this.defaultPrevented = true; }
}

/* One compound selector (no combinators) against an element. */
const PARTS = new Map();
function simple(el, part) {
  if (!PARTS.has(part)) PARTS.set(part, part.match(/([#.]?[\w-]+|\*|\[[^\]]+\]|:not\((?:[^()]|\([^()]*\))*\))/g) || []);
  for (const t of PARTS.get(part)) {
    if (t === "*") continue;
    if (t.startsWith(":not(")) { if (matches(el, t.slice(5, -1))) return false; }
    else if (t[0] === "#") { if (el.getAttribute("id") !== t.slice(1)) return false; }
    else if (t[0] === ".") { if (!el.classList.contains(t.slice(1))) return false; }
    else if (t[0] === "[") {
      const a = /^\[([\w-]+)(?:([\^$]?=)["']?(.*?)["']?)?\]$/.exec(t);
      const v = el.getAttribute(a[1]);
      if (v === null) return false;
      if (a[2] === "=" && v !== a[3]) return false;
      if (a[2] === "^=" && !v.startsWith(a[3])) return false;
      if (a[2] === "$=" && !v.endsWith(a[3])) return false;
    } else if (el.tagName !== t.toUpperCase()) return false;
  }
  return true;
}

function splitTop(text, sep) {
  const out = []; let depth = 0, quote = null, cur = "";
  for (const ch of text) {
    if (quote) { if (ch === quote) quote = null; cur += ch; continue; }
    if (ch === '"' || ch === "'") quote = ch;
    if (ch === "(" || ch === "[") depth++;
    if (ch === ")" || ch === "]") depth--;
    if (depth === 0 && sep.test(ch)) { out.push(cur); cur = ""; } else cur += ch;
  }
  out.push(cur);
  return out;
}

const PARSED = new Map();
function parse(selector) {
  if (!PARSED.has(selector)) {
    PARSED.set(selector, splitTop(selector, /,/).map((one) => splitTop(one.trim().replace(/\s*>\s*/g, " > "), /\s/).filter(Boolean)));
  }
  return PARSED.get(selector);
}

function matches(el, selector, scope) {
  return parse(selector).some((tokens) => {
    const test = (node, i) => {
      if (!node || node.nodeType !== 1 || !simple(node, tokens[i])) return false;
      if (i === 0) return !scope || scope.contains(node.parentNode);
      if (tokens[i - 1] === ">") return test(node.parentNode, i - 2);
      for (let p = node.parentNode; p && p.nodeType === 1; p = p.parentNode) if (test(p, i - 1)) return true;
      return false;
    };
    return test(el, tokens.length - 1);
  });
}

class Document extends Node {
  constructor() {
    super(null);
    this.ownerDocument = this;
    this.nodeType = 9;
    this.documentElement = new Element(this, "html");
    this.body = new Element(this, "body");
    this.documentElement.appendChild(this.body);
    this.childNodes = [this.documentElement];
    this.documentElement.parentNode = this;
    this.activeElement = this.body;
  }
  createElement(tag) { return new Element(this, tag); }
  createElementNS(ns, tag) { return new Element(this, tag); }
  createTextNode(text) { return new Text(this, text); }
  createDocumentFragment() { return new Fragment(this); }
  getElementById(id) {
    const stack = [this.documentElement];
    while (stack.length) {
      const node = stack.pop();
      if (node.attributes.get("id") === id) return node;
      for (let i = node.childNodes.length - 1; i >= 0; i--) if (node.childNodes[i].nodeType === 1) stack.push(node.childNodes[i]);
    }
    return null;
  }
}

/* A window around a new document: timers run when flush() is called, in order. */
function makeWindow(options) {
  const doc = new Document();
  const queue = [];
  const win = {
    document: doc, queue, printed: [],
    location: { hash: "" },
    CSS: { supports: () => true },
    setTimeout: (fn) => { queue.push(fn); return queue.length; },
    clearTimeout: () => {},
    requestIdleCallback: (fn) => { queue.push(fn); },
    print() { win.printed.push(doc.documentElement.className); },
    confirm: () => true,
    addEventListener: Node.prototype.addEventListener,
    dispatchEvent(event) { (this.listeners || []).filter((l) => l.type === event.type).forEach((l) => l.fn(event)); },
    flush() { while (queue.length) queue.shift()(); },
    ...options
  };
  doc.defaultView = win;
  if (options && options.lang) doc.documentElement.setAttribute("lang", options.lang);
  return win;
}

/* An element: h("div", {id: "x"}, child, "text", ...); a "template" puts its children in .content. */
function h(doc, tag, attrs, ...children) {
  const el = doc.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== false && v !== undefined) el.setAttribute(k, v === true ? "" : v); });
  const holder = el.content || el;
  children.flat().forEach((c) => holder.appendChild(typeof c === "string" ? doc.createTextNode(c) : c));
  return el;
}

module.exports = { makeWindow, h, Event };
