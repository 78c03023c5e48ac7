/** Small DOM helpers. Text is always set as text, never parsed as HTML. */

/**
 * Creates an element. Properties: `text` sets the text, `class` the class attribute, `on<Event>` adds a listener,
 * a boolean adds or omits an attribute, anything else is set as an attribute.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'text') {
      node.textContent = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return node;
}

/** Replaces the children of a node. */
export function replaceChildren(node, ...children) {
  node.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined));
}

/** The element with this id; fails loudly when the page lacks it. */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) {
    throw new Error(`#${id} manquant`);
  }
  return node;
}

/** A query parameter of the current address. */
export function queryParam(name) {
  return new URLSearchParams(window.location.search).get(name);
}

/** Fills a table body: one row per item, or a single row spanning the columns with a message when there is none. */
export function fillTable(tbody, items, row, emptyMessage) {
  if (items.length === 0) {
    const columns = tbody.closest('table').querySelectorAll('thead th').length || 1;
    replaceChildren(tbody, el('tr', {}, el('td', { colspan: columns, text: emptyMessage })));
    return;
  }
  replaceChildren(tbody, items.map(row));
}

/** Marks the page loaded (data-pret on the body), once its first data is shown. */
export function pageReady() {
  document.body.dataset.pret = 'oui';
}
