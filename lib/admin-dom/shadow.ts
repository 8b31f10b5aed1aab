/**
 * Walking the admin's DOM through open shadow roots (Polaris web components keep their text there).
 * Every other admin-dom module finds things through these helpers, so our own injected UI and
 * script/style text never count as the admin's.
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Every element the extension injects carries this attribute, so our own texts never count as the admin's. */
export const OWN_MARK = 'data-pmg';

export const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

export function isOwn(el: Element): boolean {
  return el.hasAttribute(OWN_MARK);
}

/** Every element under `root` in document order, descending into open shadow roots; skips our own UI. */
export function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const visit = (parent: ParentNode) => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (isOwn(child) || SKIPPED_TAGS.has(child.tagName)) continue;
      out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  // A shadow host passed as the root: what it renders counts too.
  const own = (root as Partial<Element>).shadowRoot;
  if (own) visit(own);
  visit(root);
  return out;
}

export function deepQueryAll(root: ParentNode, selector: string): Element[] {
  return deepElements(root).filter((el) => el.matches(selector));
}

/** Visible text of a node, including what open shadow roots render, with whitespace collapsed. */
export function deepText(node: Node): string {
  const parts: string[] = [];
  const visit = (n: Node) => {
    if (n.nodeType === TEXT_NODE) {
      parts.push(n.nodeValue ?? '');
      return;
    }
    if (n.nodeType === ELEMENT_NODE) {
      const el = n as Element;
      if (isOwn(el) || SKIPPED_TAGS.has(el.tagName)) return;
      if (el.shadowRoot) {
        // A shadow root renders instead of the light children (unless it slots them).
        const slots = el.shadowRoot.querySelector('slot');
        el.shadowRoot.childNodes.forEach(visit);
        if (!slots) return;
      }
    }
    n.childNodes.forEach(visit);
  };
  visit(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Same as deepQueryAll / deepText (names the order-page features use). */
export const queryAllDeep = (root: ParentNode, selector: string): Element[] => deepQueryAll(root, selector);
export const textDeep = (node: Node): string => deepText(node);

/** The shadow host an element lives under, or null in the top document. */
export function hostOf(el: Element): Element | null {
  const root = el.getRootNode() as Node & { host?: Element };
  return root && root.host ? root.host : null;
}

/** The light-DOM element that stands for `el` (its outermost shadow host, or itself). */
export function lightElement(el: Element): Element {
  let out = el;
  for (let host = hostOf(out); host; host = hostOf(host)) out = host;
  return out;
}

export function byId(scope: Node, id: string): Element | null {
  const root = scope.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

export function cssEscape(id: string): string {
  return id.replace(/["\\]/g, '\\$&');
}
