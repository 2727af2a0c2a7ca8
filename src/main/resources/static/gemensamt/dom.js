/*
 * Small DOM helpers for the project's pages: every piece of data goes into the page as text (textContent or text
 * nodes), never as HTML.
 */

export const $ = (id) => document.getElementById(id);

/** An element with attributes and children; strings become text nodes, null and false are left out. */
export function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'className') {
      element.className = value;
    } else if (name === 'href') {
      element.setAttribute('href', safeHref(value));
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Links from the API lead into this application: anything else (javascript:, other hosts) is refused. */
export function safeHref(value) {
  const href = String(value);
  if (href.startsWith('/') && !href.startsWith('//')) {
    return href;
  }
  if (/^[a-z0-9._-]+\.html(\?[^#]*)?$/i.test(href) || href === './' || href.startsWith('#')) {
    return href;
  }
  return '#';
}

/** Text for screen readers only. */
export function hiddenText(text) {
  return el('span', { className: 'visually-hidden' }, text);
}

export function show(id, visible) {
  $(id).hidden = !visible;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}
