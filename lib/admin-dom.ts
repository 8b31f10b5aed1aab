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
  return el.getAttribute('role') === 'checkbox';
}

export function isBoxChecked(el: Element): boolean {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).checked;
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
  const id = el.getAttribute('id');
  const root = el.getRootNode() as ParentNode;
  const forLabel = id && typeof root.querySelector === 'function' ? root.querySelector(`label[for="${cssEscape(id)}"]`) : null;
  if (forLabel) {
    let common: Element | null = el.parentElement;
    while (common && !common.contains(forLabel)) common = common.parentElement;
    if (common && findCheckboxes(common).length === 1) return common;
    return forLabel;
  }
  return el.parentElement && findCheckboxes(el.parentElement).length === 1 ? el.parentElement : el;
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
