/**
 * Notify guard: the customer-notification checkboxes (native, ARIA or Polaris web components) and
 * the text that says what each one does. Label words per language live in lib/notify-words.ts;
 * structure rules live here. Dialogs that hold such boxes: ./dialogs.ts.
 *
 * What we assume about the real admin (2026-11; none verified on a live store — see
 * test/facts/ADMIN-UI.md and admin-labels.json):
 *   surface              where                                   notify box                      verified
 *   fulfil items         /orders/{id}/fulfillment_orders/{fo}/fulfill  "Send shipment details to your customer now"  en only (third-party clones)
 *   mark as fulfilled    same URL (or a dialog)                  same wording assumed            no
 *   add / edit tracking  dialog on the order page, no URL change  wording unknown in every language  no
 *   refund               /orders/{id}/refund                     "Send a notification to the customer" beside "Restock items"  en fr es (help pages)
 *   cancel order         dialog from ⋯ More actions              "Send a notification to the customer"  en fr de (help / Flow)
 *   order edit           /orders/{id}/edit                       any box we recognise (no expectation)  no
 * - Boxes are native checkboxes, ARIA checkboxes, or Polaris web components (<s-checkbox>, open or
 *   closed shadow root); dialogs carry role=dialog/alertdialog, aria-modal or are <dialog open>.
 * - A box appears only when the order has an email (after `strip` none is expected).
 * - A click on the box is what the admin's React state follows (no other input path is needed).
 */

import { classifyNotifyLabel, mentionsKnownWords, type NotifyLang } from '../notify-words';
import { byId, cssEscape, deepElements, deepText, hostOf } from './shadow';

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

// ── Notify boxes ──────────────────────────────────────────────────────────────────────────────────

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
  // A web component that renders its caption (s-checkbox label="…") is its own row; one that holds
  // only the bare box (the 2026 admin's s-internal-checkbox, caption beside it) is not: climb below.
  if (el !== box && (deepText(el) || el.getAttribute('label'))) return el;
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
