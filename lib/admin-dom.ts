/**
 * Every Shopify admin selector and label text the extension relies on, in one place.
 *
 * The admin changes its markup between releases, so nothing here matches hashed Polaris class names
 * (`Polaris-Card_1fqes`): only roles, input types, aria attributes, stable names and visible text,
 * read through open shadow roots (Polaris web components keep their text there).
 * Pure module: functions take the root they search (a Document, an Element or a ShadowRoot) and use
 * no browser global, so fixture tests run them on saved pages.
 *
 * Sections: order page (ORDER-PAGE) and notify guard (NOTIFY-GUARD). Keep each section's helpers
 * inside it; shared shadow-root walking lives in the notify section below and may be reused.
 */

// ═════════════════════════════════════════════════════════════════════════════════════════════════
// Notify guard (NOTIFY-GUARD): customer-notification checkboxes, dialogs, shadow-root walking.
// Label words per language live in lib/notify-words.ts; structure rules live here.
//
// What we assume about the real admin (2026-11; none verified on a live store — see
// shared/shopify/ADMIN-UI.md and admin-labels.json):
//   surface              where                                   notify box                      verified
//   fulfil items         /orders/{id}/fulfillment_orders/{fo}/fulfill  "Send shipment details to your customer now"  en only (third-party clones)
//   mark as fulfilled    same URL (or a dialog)                  same wording assumed            no
//   add / edit tracking  dialog on the order page, no URL change  wording unknown in every language  no
//   refund               /orders/{id}/refund                     "Send a notification to the customer" beside "Restock items"  en fr es (help pages)
//   cancel order         dialog from ⋯ More actions              "Send a notification to the customer"  en fr de (help / Flow)
//   order edit           /orders/{id}/edit                       any box we recognise (no expectation)  no
// - Boxes are native checkboxes, ARIA checkboxes, or Polaris web components (<s-checkbox>, open or
//   closed shadow root); dialogs carry role=dialog/alertdialog, aria-modal or are <dialog open>.
// - A box appears only when the order has an email (after `strip` none is expected).
// - A click on the box is what the admin's React state follows (no other input path is needed).
// ═════════════════════════════════════════════════════════════════════════════════════════════════

import { classifyDialogTitle, classifyNotifyLabel, mentionsKnownWords, notifyLangOf, type DialogKind, type NotifyLang } from './notify-words';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Every element the extension injects carries this attribute, so our own texts never count as the admin's. */
export const OWN_MARK = 'data-pmg';

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

function isOwn(el: Element): boolean {
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

/** The shadow host an element lives under, or null in the top document. */
function hostOf(el: Element): Element | null {
  const root = el.getRootNode() as Node & { host?: Element };
  return root && root.host ? root.host : null;
}

function byId(scope: Node, id: string): Element | null {
  const root = scope.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

function cssEscape(id: string): string {
  return id.replace(/["\\]/g, '\\$&');
}

// ── Checkboxes ────────────────────────────────────────────────────────────────────────────────────

export function isCheckbox(el: Element): boolean {
  if (el.tagName === 'INPUT') return ((el as HTMLInputElement).type ?? '').toLowerCase() === 'checkbox';
  if (el.getAttribute('role') === 'checkbox') return true;
  return isClosedCheckboxComponent(el);
}

/**
 * A Polaris web component checkbox (`<s-checkbox label="…" checked>`) whose shadow root we cannot
 * enter (closed): the host itself is the box. With an open root, the input inside is the box instead.
 */
function isClosedCheckboxComponent(el: Element): boolean {
  return el.tagName.includes('-') && /-checkbox$/i.test(el.tagName) && !el.shadowRoot;
}

export function isBoxChecked(el: Element): boolean {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).checked;
  if (el.getAttribute('role') !== 'checkbox' && isClosedCheckboxComponent(el)) {
    const prop = (el as Element & { checked?: unknown }).checked;
    return typeof prop === 'boolean' ? prop : el.hasAttribute('checked');
  }
  return el.getAttribute('aria-checked') === 'true';
}

/** Every checkbox under root (shadow roots included), whether native or ARIA. */
export function findCheckboxes(root: ParentNode): Element[] {
  return deepElements(root).filter(isCheckbox);
}

/**
 * The text that tells a merchant what a checkbox does: aria-labelledby, aria-label, its <label>
 * (for= or wrapping), the label attribute of a web-component host, and as a last resort the text of
 * the nearest container that holds no other checkbox (the admin sometimes puts the text beside
 * the box without linking them).
 */
export function checkboxLabelText(box: Element): string {
  const parts: string[] = [];
  const labelledBy = box.getAttribute('aria-labelledby');
  if (labelledBy) {
    for (const id of labelledBy.split(/\s+/)) {
      const target = id ? byId(box, id) : null;
      if (target) parts.push(deepText(target));
    }
  }
  const aria = box.getAttribute('aria-label');
  if (aria) parts.push(aria);
  if (isClosedCheckboxComponent(box)) parts.push(box.getAttribute('label') ?? '', deepText(box));
  const id = box.getAttribute('id');
  if (id) {
    const root = box.getRootNode() as ParentNode;
    const forLabel = typeof root.querySelector === 'function' ? root.querySelector(`label[for="${cssEscape(id)}"]`) : null;
    if (forLabel) parts.push(deepText(forLabel));
  }
  const wrapping = box.closest('label');
  if (wrapping) parts.push(deepText(wrapping));
  for (let host = hostOf(box); host; host = hostOf(host)) {
    const attr = host.getAttribute('label') ?? host.getAttribute('aria-label');
    if (attr) parts.push(attr);
    const hostLabel = host.closest('label');
    if (hostLabel) parts.push(deepText(hostLabel));
  }
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  if (text) return text;
  return rowText(box);
}

function rowText(box: Element): string {
  let node: Element = hostOf(box) ?? box;
  for (let depth = 0; depth < 4 && node.parentElement; depth++) {
    const parent: Element = node.parentElement;
    if (findCheckboxes(parent).length > 1) break;
    node = parent;
    const text = deepText(node);
    if (text) return text.length > 300 ? text.slice(0, 300) : text;
  }
  return '';
}

/** Attribute names the admin has kept across releases for these boxes (language-independent). */
const NOTIFY_ATTRIBUTE = /notif|send_?(email|notification|receipt|invoice)/i;
const NEVER_ATTRIBUTE = /restock|marketing|newsletter|consent|subscri/i;

function attributeHint(box: Element): 'notify' | 'never' | null {
  const names = [box.getAttribute('name'), box.getAttribute('id'), hostOf(box)?.getAttribute('name')].filter(Boolean).join(' ');
  if (!names) return null;
  if (NEVER_ATTRIBUTE.test(names)) return 'never';
  if (NOTIFY_ATTRIBUTE.test(names)) return 'notify';
  return null;
}

export interface NotifyBox {
  box: Element;
  label: string;
  /** How we recognised it: its words, its stable name, or its place on a surface that has one. */
  via: 'text' | 'attribute' | 'structure';
}

export interface NotifyBoxSearch {
  boxes: NotifyBox[];
  /** All checkboxes seen (so "no notify box among 3 checkboxes" can be told from "an empty page"). */
  checkboxes: number;
}

/**
 * The customer-notification checkboxes under root.
 * `structureFallback`: on a surface known to carry exactly one notify box (fulfil, refund, cancel,
 * tracking) in an admin language we have no words for (lang null), accept the one checkbox whose
 * label uses none of our words — an admin in Japanese still gets the guard, while a box in a
 * language we know but do not recognise is never guessed.
 */
export function findNotifyBoxes(root: ParentNode, options: { lang: NotifyLang | null; structureFallback?: boolean }): NotifyBoxSearch {
  const checkboxes = findCheckboxes(root);
  const boxes: NotifyBox[] = [];
  const unknown: Array<{ box: Element; label: string }> = [];
  for (const box of checkboxes) {
    const label = checkboxLabelText(box);
    const hint = attributeHint(box);
    if (hint === 'never') continue;
    const verdict = classifyNotifyLabel(label, options.lang);
    if (verdict.notify) boxes.push({ box, label, via: 'text' });
    else if (hint === 'notify' && verdict.why !== 'marketing' && verdict.why !== 'restock') boxes.push({ box, label, via: 'attribute' });
    else if (!mentionsKnownWords(label)) unknown.push({ box, label });
  }
  // Only for languages we have no words for: in en/fr/de/es/it/nl an unrecognised label means the
  // admin changed its wording, and the guard must say it is inactive rather than guess.
  if (boxes.length === 0 && options.structureFallback && options.lang === null && unknown.length === 1) {
    boxes.push({ ...unknown[0]!, via: 'structure' });
  }
  return { boxes, checkboxes: checkboxes.length };
}

/**
 * The element our "turned off" label goes after: the box's row (its <label>, or the smallest
 * container holding the box and its label text), outside any shadow root so our note is visible
 * in the page's flow.
 */
export function notifyLabelAnchor(box: Element): Element {
  let el: Element = box;
  for (let host = hostOf(el); host; host = hostOf(host)) el = host;
  const wrapping = el.closest('label');
  if (wrapping) return wrapping;
  if (el !== box) return el; // a web component (s-checkbox) is its own row
  // Its label elsewhere (label[for], aria-labelledby): the smallest row holding both, if it holds no other box.
  const id = el.getAttribute('id');
  const root = el.getRootNode() as ParentNode;
  const forLabel = id && typeof root.querySelector === 'function' ? root.querySelector(`label[for="${cssEscape(id)}"]`) : null;
  const labelledBy = (box.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  const named = forLabel ?? (labelledBy[0] ? byId(box, labelledBy[0]) : null);
  if (named && named.getRootNode() === el.getRootNode()) {
    let common: Element | null = el.parentElement;
    while (common && !common.contains(named)) common = common.parentElement;
    if (common && findCheckboxes(common).length === 1) return common;
    return named;
  }
  // No label element: climb out of text-less wrappers (the box's decoration) to its row.
  let row: Element = el;
  for (let depth = 0; depth < 3 && row.parentElement && findCheckboxes(row.parentElement).length === 1; depth++) {
    row = row.parentElement;
    if (deepText(row)) break;
  }
  return row;
}

// ── Dialogs (open on the order page without a URL change) ─────────────────────────────────────────

const DIALOG_SELECTOR = '[role="dialog"], [role="alertdialog"], dialog[open], [aria-modal="true"]';

/** Open dialogs under root, outermost only (a <dialog> holding a role=dialog counts once). */
export function findDialogs(root: ParentNode): Element[] {
  const all = deepQueryAll(root, DIALOG_SELECTOR);
  return all.filter((d) => !all.some((other) => other !== d && other.contains(d)));
}

export function dialogTitle(dialog: Element): string {
  const labelledBy = dialog.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => (id ? byId(dialog, id) : null))
      .filter((e): e is Element => e !== null)
      .map(deepText)
      .join(' ')
      .trim();
    if (text) return text;
  }
  const aria = dialog.getAttribute('aria-label');
  if (aria?.trim()) return aria.trim();
  const heading = deepElements(dialog).find((el) => /^H[1-6]$/.test(el.tagName) || el.getAttribute('role') === 'heading');
  return heading ? deepText(heading) : '';
}

export function dialogKind(dialog: Element, lang: NotifyLang | null): DialogKind {
  return classifyDialogTitle(dialogTitle(dialog), lang);
}

/** The admin's language as our word lists know it (null = a language we have no words for). */
export function adminLang(doc: Document): NotifyLang | null {
  return notifyLangOf(doc.documentElement?.getAttribute('lang'));
}

// ═════════════════════════════════════════════════════════════════════════════════════════════════
// End of notify guard section.
// ═════════════════════════════════════════════════════════════════════════════════════════════════

// ═════════════════════════════════════════════════════════════════════════════════════════════════
// Order page (ORDER-PAGE): contact email, order title, where our card goes, page language,
// and the shared helpers queryAllDeep / textDeep / observe / waitFor.
// Facts: shared/shopify/ADMIN-UI.md — customer card "Customer", section "Contact information" with
// the email as a mailto: link (possibly inside a Polaris web component's open shadow root).
// ═════════════════════════════════════════════════════════════════════════════════════════════════

/** Same as deepQueryAll / deepText (names the order-page features use). */
export const queryAllDeep = (root: ParentNode, selector: string): Element[] => deepQueryAll(root, selector);
export const textDeep = (node: Node): string => deepText(node);

export const ORDER_PAGE_LANGS = ['en', 'fr', 'de', 'es', 'it', 'nl'] as const;
export type OrderPageLang = (typeof ORDER_PAGE_LANGS)[number];

/**
 * Visible texts of the order page's customer card, per admin language.
 * Sources: en "Customer" (third-party guide, admin-labels.json customer.cardHeading); "Contact
 * information" and the other languages are Shopify's usual UI wording, NOT verified against the live
 * admin (2026-11) — the locator falls back to structure (mailto: links in the main area) when none match.
 */
export const ORDER_PAGE_LABELS: Record<OrderPageLang, { customerCard: string[]; contactInformation: string[] }> = {
  en: { customerCard: ['Customer'], contactInformation: ['Contact information'] },
  fr: { customerCard: ['Client', 'Cliente'], contactInformation: ['Coordonnées', 'Informations de contact', 'Informations du contact'] },
  de: { customerCard: ['Kunde', 'Kunde/Kundin', 'Kund:in'], contactInformation: ['Kontaktinformationen', 'Kontaktdaten'] },
  es: { customerCard: ['Cliente'], contactInformation: ['Información de contacto'] },
  it: { customerCard: ['Cliente'], contactInformation: ['Informazioni di contatto', 'Dati di contatto'] },
  nl: { customerCard: ['Klant'], contactInformation: ['Contactgegevens', 'Contactinformatie'] },
};

const MAIN_SELECTOR = 'main, [role="main"], #AppFrameMain';
const TITLE_SELECTOR = 'h1, [role="heading"][aria-level="1"]';
const MAILTO_SELECTOR = 'a[href^="mailto:" i]';

/** The admin's language from `<html lang>` as one of our six, or null (another language). */
export function orderPageLang(doc: Document): OrderPageLang | null {
  const base = (doc.documentElement?.getAttribute('lang') ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (ORDER_PAGE_LANGS as readonly string[]).includes(base) ? (base as OrderPageLang) : null;
}

/** The admin's main content area (apps and the top bar live outside it). */
export function findMainArea(doc: Document | ParentNode): Element | null {
  return deepQueryAll(doc, MAIN_SELECTOR)[0] ?? null;
}

/** The order's title (the page <h1>, "#1001"), or null when the page has none we recognise. */
export function findOrderTitle(doc: Document | ParentNode): Element | null {
  const main = findMainArea(doc);
  if (!main) return null;
  return deepQueryAll(main, TITLE_SELECTOR).find((el) => deepText(el).length > 0) ?? null;
}

/** The light-DOM element that stands for `el` (its outermost shadow host, or itself). */
function lightElement(el: Element): Element {
  let out = el;
  for (let host = hostOf(out); host; host = hostOf(host)) out = host;
  return out;
}

const norm = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase();

/**
 * Elements (shadow roots pierced) holding a text node that reads exactly one of `labels`. Walks text
 * nodes rather than computing every element's text: the admin's main area has thousands of elements.
 */
function elementsWithText(root: ParentNode, labels: string[]): Element[] {
  const wanted = new Set(labels.map(norm));
  const out: Element[] = [];
  const visit = (parent: Node) => {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === TEXT_NODE) {
        if (wanted.has(norm(n.nodeValue ?? ''))) {
          const owner = (n.parentNode as Node & { host?: Element }) ?? null;
          const el = owner && owner.nodeType === ELEMENT_NODE ? (owner as Element) : (owner?.host ?? null);
          if (el) out.push(el);
        }
      } else if (n.nodeType === ELEMENT_NODE) {
        const el = n as Element;
        if (isOwn(el) || SKIPPED_TAGS.has(el.tagName)) continue;
        if (el.shadowRoot) visit(el.shadowRoot);
        visit(el);
      }
    }
  };
  visit(root as unknown as Node);
  return out;
}

function allLabels(key: 'customerCard' | 'contactInformation', lang: OrderPageLang | null): string[] {
  // The page's own language first; the others too, since a mislabelled <html lang> must not blind us.
  const order = lang ? [lang, ...ORDER_PAGE_LANGS.filter((l) => l !== lang)] : [...ORDER_PAGE_LANGS];
  return [...new Set(order.flatMap((l) => ORDER_PAGE_LABELS[l][key]))];
}

/**
 * The customer card: the largest container around a "Customer" heading that does not also hold the
 * order title (so it stops below the column that holds several cards).
 */
export function findCustomerCard(doc: Document | ParentNode, lang: OrderPageLang | null = null): Element | null {
  const main = findMainArea(doc);
  if (!main) return null;
  const title = findOrderTitle(doc);
  for (const heading of elementsWithText(main, allLabels('customerCard', lang))) {
    let card = lightElement(heading);
    // Climb until the card holds the contact section or a mailto link, never past the main area or the title.
    for (let depth = 0; depth < 8 && card.parentElement && card.parentElement !== main; depth++) {
      const parent: Element = card.parentElement;
      if (title && parent.contains(lightElement(title))) break;
      card = parent;
      if (deepQueryAll(card, MAILTO_SELECTOR).length > 0 || elementsWithText(card, allLabels('contactInformation', lang)).length > 0) {
        return card;
      }
    }
  }
  return null;
}

export interface ContactEmail {
  email: string;
  /** The mailto: link it came from. */
  link: Element;
  /** customer-card: inside the recognised card; main-area: the only mailto link of the main area. */
  via: 'customer-card' | 'main-area';
}

/** 'mailto:a%40b.com?subject=x' → 'a@b.com' (null when it holds no single address). */
export function emailFromMailto(href: string | null): string | null {
  if (!href || !/^mailto:/i.test(href)) return null;
  let address = href.slice(7).split('?')[0] ?? '';
  try {
    address = decodeURIComponent(address);
  } catch {
    return null;
  }
  address = address.trim();
  return /^[^\s@,;]+@[^\s@,;]+$/.test(address) ? address : null;
}

/**
 * The order's contact email as the page shows it: a mailto: link in the customer card, or, when the
 * card is not recognised, the one mailto: link of the main area (several different ones = unknown).
 */
export function findContactEmail(doc: Document | ParentNode, lang: OrderPageLang | null = null): ContactEmail | null {
  const card = findCustomerCard(doc, lang);
  if (card) {
    for (const link of deepQueryAll(card, MAILTO_SELECTOR)) {
      const email = emailFromMailto(link.getAttribute('href'));
      if (email) return { email, link, via: 'customer-card' };
    }
  }
  const main = findMainArea(doc);
  if (!main) return null;
  const found = deepQueryAll(main, MAILTO_SELECTOR)
    .map((link) => ({ link, email: emailFromMailto(link.getAttribute('href')) }))
    .filter((x): x is { link: Element; email: string } => x.email !== null);
  const distinct = new Set(found.map((x) => x.email.toLowerCase()));
  return distinct.size === 1 ? { email: found[0]!.email, link: found[0]!.link, via: 'main-area' } : null;
}

export interface CardSlot {
  /** Insert our card as a child of `parent`, before `before` (null = append). */
  parent: Element;
  before: Element | null;
}

/**
 * Where the warning card goes: right below the order's page header, above both columns, where the
 * merchant looks first. Found structurally: the child of (title ∧ customer card)'s common ancestor
 * that holds the title is the header block. null when the title is missing (layout not recognised).
 */
export function findCardSlot(doc: Document | ParentNode, lang: OrderPageLang | null = null): CardSlot | null {
  const titleEl = findOrderTitle(doc);
  if (!titleEl) return null;
  const title = lightElement(titleEl);
  const card = findCustomerCard(doc, lang);
  if (card) {
    let header: Element = title;
    while (header.parentElement && !header.parentElement.contains(card)) header = header.parentElement;
    if (header.parentElement) return { parent: header.parentElement, before: header.nextElementSibling };
  }
  const block = title.parentElement ?? title;
  if (!block.parentElement) return null;
  return { parent: block.parentElement, before: block.nextElementSibling };
}

// ── Observing a re-rendering page ─────────────────────────────────────────────────────────────────

export interface ObserveOptions {
  signal: AbortSignal;
  /** Quiet time before re-checking after a burst of mutations (ms). */
  debounce?: number;
}

/**
 * Calls `callback` once for every element matching `target` under root, now and whenever the page
 * re-renders, until `signal` aborts. Handled elements are remembered (a WeakSet, not a mark on the
 * admin's DOM), so re-renders never double-apply. `target` is a selector (open shadow roots pierced)
 * or a finder returning the elements.
 */
export function observe(
  root: Node & ParentNode,
  target: string | ((root: ParentNode) => Element[]),
  callback: (el: Element) => void,
  options: ObserveOptions,
): void {
  const { signal, debounce = 40 } = options;
  if (signal.aborted) return;
  const view = (root.ownerDocument ?? (root as Document)).defaultView;
  const find = typeof target === 'string' ? (r: ParentNode) => deepQueryAll(r, target) : target;
  const handled = new WeakSet<Element>();
  const run = () => {
    if (signal.aborted) return;
    for (const el of find(root)) {
      if (handled.has(el)) continue;
      handled.add(el);
      callback(el);
    }
  };
  run();
  if (!view) return;
  let timer: number | undefined;
  const observer = new view.MutationObserver(() => {
    if (timer !== undefined) view.clearTimeout(timer);
    timer = view.setTimeout(run, debounce);
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['href', 'text', 'lang', 'aria-busy'] });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) view.clearTimeout(timer);
  }, { once: true });
}

/**
 * Resolves with the first non-null result of `find` (checked now and after each mutation burst),
 * or null after `timeout` ms or when `signal` aborts.
 */
export function waitFor<T>(
  root: Node & ParentNode,
  find: () => T | null,
  options: { signal: AbortSignal; timeout: number; debounce?: number },
): Promise<T | null> {
  const first = find();
  if (first !== null || options.signal.aborted) return Promise.resolve(options.signal.aborted ? null : first);
  const view = (root.ownerDocument ?? (root as Document)).defaultView;
  if (!view) return Promise.resolve(null);
  return new Promise((resolve) => {
    let timer: number | undefined;
    const done = (value: T | null) => {
      observer.disconnect();
      view.clearTimeout(deadline);
      if (timer !== undefined) view.clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => done(null);
    const check = () => {
      const value = find();
      if (value !== null) done(value);
    };
    const observer = new view.MutationObserver(() => {
      if (timer !== undefined) view.clearTimeout(timer);
      timer = view.setTimeout(check, options.debounce ?? 20);
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['href', 'text'] });
    const deadline = view.setTimeout(() => done(find()), options.timeout);
    options.signal.addEventListener('abort', onAbort, { once: true });
  });
}

// ═════════════════════════════════════════════════════════════════════════════════════════════════
// End of order page section.
// ═════════════════════════════════════════════════════════════════════════════════════════════════
