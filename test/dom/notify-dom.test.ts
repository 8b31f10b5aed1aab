/**
 * lib/admin-dom (notify boxes and dialogs) over saved admin-like pages: every surface × language, with labels
 * phrased independently of lib/notify-words.ts, plus pages whose boxes must never be touched.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { adminLang, checkboxLabelText, deepText, dialogKind, findDialogs, findNotifyBoxes, notifyLabelAnchor, isBoxChecked, findCheckboxes } from '../../lib/admin-dom';
import { registerWordBook, resetWordBooks } from '../../lib/notify-words';
import { ENGLISH } from '../../lib/notify-words/english';
import { registerAllWordBooks, WORD_BOOKS } from '../../lib/notify-words/languages';
import { expected, listFixtures, loadFixture } from './notify-fixture-loader';

// The content script loads the admin's language only; here every language is known at once, so
// each fixture is also checked against the other languages' words (no false friends).
registerAllWordBooks();

const SURFACES = ['fulfil', 'mark-as-fulfilled', 'add-tracking', 'edit-tracking', 'refund', 'cancel', 'order-edit'] as const;
const LANGS = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pl', 'cs', 'sv', 'da', 'fi', 'nb', 'pt-BR', 'pt-PT', 'ja', 'tr'] as const;
const DIALOG_KIND: Record<(typeof SURFACES)[number], string | null> = {
  'order-edit': null,
  fulfil: null,
  'mark-as-fulfilled': 'fulfil',
  'add-tracking': 'tracking',
  'edit-tracking': 'tracking',
  refund: null,
  cancel: 'cancel',
};

beforeEach(() => {
  document.body.replaceChildren();
});

describe('notify boxes per surface and language', () => {
  const cases = SURFACES.flatMap((surface) => LANGS.map((lang) => [surface, lang] as const));

  it('has a fixture for every surface × language', () => {
    const names = listFixtures('notify-');
    for (const [surface, lang] of cases) expect(names).toContain(`notify-${surface}.${lang}.html`);
  });

  it.each(cases)('%s (%s): finds exactly the notify box, by its words', (surface, lang) => {
    const doc = loadFixture(`notify-${surface}.${lang}.html`);
    const found = findNotifyBoxes(doc, { lang: adminLang(doc), structureFallback: true });
    expect(found.boxes.map((b) => b.box)).toEqual(expected(doc, 'notify'));
    expect(found.boxes.every((b) => b.via === 'text')).toBe(true);
    for (const leave of expected(doc, 'leave')) expect(found.boxes.some((b) => b.box === leave)).toBe(false);
  });

  it.each(cases)('%s (%s): recognised even when the page says no language', (surface, lang) => {
    // A stale or missing <html lang> must not switch the guard off.
    const doc = loadFixture(`notify-${surface}.${lang}.html`);
    doc.documentElement.removeAttribute('lang');
    const found = findNotifyBoxes(doc, { lang: null, structureFallback: false });
    expect(found.boxes.map((b) => b.box)).toEqual(expected(doc, 'notify'));
  });

  it.each(cases)('%s (%s): the dialog is found and its kind read from its title', (surface, lang) => {
    const doc = loadFixture(`notify-${surface}.${lang}.html`);
    const dialogs = findDialogs(doc);
    const kind = DIALOG_KIND[surface];
    if (kind === null) {
      expect(dialogs).toHaveLength(0);
      return;
    }
    expect(dialogs).toHaveLength(1);
    expect(dialogKind(dialogs[0]!, adminLang(doc))).toBe(kind);
    // The box is searched inside the dialog only, not on the page behind it.
    expect(findNotifyBoxes(dialogs[0]!, { lang: adminLang(doc) }).boxes.map((b) => b.box)).toEqual(expected(doc, 'notify'));
  });

  it.each(cases)('%s (%s): the label anchor is outside shadow roots and holds only this box', (surface, lang) => {
    const doc = loadFixture(`notify-${surface}.${lang}.html`);
    const [box] = expected(doc, 'notify');
    const anchor = notifyLabelAnchor(box!);
    expect(anchor.getRootNode()).toBe(doc);
    expect(findCheckboxes(anchor)).toHaveLength(1);
    // The note goes after the box's whole row: the row holds the label's text.
    expect(deepText(anchor)).toContain(checkboxLabelText(box!).slice(0, 12));
    expect(isBoxChecked(box!)).toBe(true);
  });
});

describe('each language with only its own words and English (what the content script loads)', () => {
  const cases = SURFACES.flatMap((surface) => LANGS.map((lang) => [surface, lang] as const));
  afterAll(() => registerAllWordBooks());

  it.each(cases)('%s (%s)', (surface, lang) => {
    resetWordBooks();
    const doc = loadFixture(`notify-${surface}.${lang}.html`);
    const words = adminLang(doc);
    if (words) registerWordBook(words, WORD_BOOKS[words as Exclude<typeof words, 'en'>] ?? ENGLISH);
    const scope = DIALOG_KIND[surface] ? findDialogs(doc)[0]! : doc;
    if (DIALOG_KIND[surface]) expect(dialogKind(scope as Element, words)).toBe(DIALOG_KIND[surface]);
    const found = findNotifyBoxes(scope, { lang: words, structureFallback: true });
    expect(found.boxes.map((b) => [b.box, b.via])).toEqual(expected(doc, 'notify').map((b) => [b, 'text']));
  });
});

describe('boxes the guard must never touch', () => {
  it('edit contact dialog: profile update and marketing consent are not notify boxes', () => {
    const doc = loadFixture('notify-negative-edit-contact.en.html');
    expect(findNotifyBoxes(doc, { lang: 'en', structureFallback: true }).boxes).toEqual([]);
    expect(dialogKind(findDialogs(doc)[0]!, 'en')).toBe('other');
  });

  it('marketing consent, restock, tax, shipping refund, default address, self copies: none match in any language', () => {
    const doc = loadFixture('notify-negative-marketing.multi.html');
    const found = findNotifyBoxes(doc, { lang: adminLang(doc), structureFallback: true });
    expect(found.checkboxes).toBe(12);
    expect(found.boxes.map((b) => b.label)).toEqual([]);
  });

  it('refund page of an order without email: no box, and no guess', () => {
    const doc = loadFixture('notify-negative-refund-no-email.en.html');
    expect(findNotifyBoxes(doc, { lang: 'en', structureFallback: true }).boxes).toEqual([]);
  });
});

describe('structure fallback for admin languages we have no words for', () => {
  it('fulfil page in Korean: the single box is taken by its place', () => {
    const doc = loadFixture('notify-structure-fulfil.ko.html');
    expect(adminLang(doc)).toBeNull();
    const found = findNotifyBoxes(doc, { lang: null, structureFallback: true });
    expect(found.boxes.map((b) => [b.box, b.via])).toEqual([[expected(doc, 'notify')[0], 'structure']]);
  });

  it('without structure fallback the Korean box is not guessed', () => {
    const doc = loadFixture('notify-structure-fulfil.ko.html');
    expect(findNotifyBoxes(doc, { lang: null, structureFallback: false }).boxes).toEqual([]);
  });

  it('refund page in Korean: two unknown boxes, so no guess (the guard then says it is inactive)', () => {
    const doc = loadFixture('notify-structure-refund.ko.html');
    expect(findNotifyBoxes(doc, { lang: null, structureFallback: true }).boxes).toEqual([]);
  });

  it('an English page never falls back to structure', () => {
    document.documentElement.lang = 'en';
    document.body.innerHTML = '<label><input type="checkbox"> Gift wrap</label>';
    expect(findNotifyBoxes(document, { lang: 'en', structureFallback: true }).boxes).toEqual([]);
  });
});

describe('reading the admin through shadow roots', () => {
  it('deepText reads open shadow roots and skips our own UI', () => {
    document.body.innerHTML = '<div id="a">Send <b>shipment</b></div><div data-pmg>Turned off: marketplace order</div>';
    const host = document.createElement('s-internal-text');
    host.attachShadow({ mode: 'open' }).innerHTML = '<span>to your customer</span>';
    document.getElementById('a')!.append(host);
    expect(deepText(document.body)).toBe('Send shipment to your customer');
  });

  it('a name attribute with "notify" is recognised when the label says nothing we know', () => {
    document.body.innerHTML = '<input type="checkbox" name="notifyCustomer" id="x"><label for="x">通知</label>';
    const found = findNotifyBoxes(document, { lang: null });
    expect(found.boxes.map((b) => b.via)).toEqual(['attribute']);
  });

  it('a restock name attribute is never a notify box, whatever its label says', () => {
    document.body.innerHTML = '<input type="checkbox" name="restock" id="x"><label for="x">Notify customer</label>';
    expect(findNotifyBoxes(document, { lang: 'en' }).boxes).toEqual([]);
  });

  it('label text falls back to the row when the box has no label of its own', () => {
    document.body.innerHTML = '<div><div><input type="checkbox"></div><span>Notify the buyer</span></div><div><input type="checkbox"> other</div>';
    const [box] = Array.from(document.querySelectorAll('input'));
    expect(checkboxLabelText(box!)).toBe('Notify the buyer');
  });
});

describe('Polaris web-component checkboxes', () => {
  it('a closed <s-checkbox> is the box itself, read from its label attribute and checked state', () => {
    document.documentElement.lang = 'en';
    document.body.innerHTML = '<s-checkbox label="Send shipment details to your customer now" checked></s-checkbox><s-checkbox label="Restock items" checked></s-checkbox>';
    const [notify] = Array.from(document.querySelectorAll('s-checkbox'));
    const found = findNotifyBoxes(document, { lang: 'en' });
    expect(found.checkboxes).toBe(2);
    expect(found.boxes.map((b) => b.box)).toEqual([notify]);
    expect(isBoxChecked(notify!)).toBe(true);
    notify!.removeAttribute('checked');
    expect(isBoxChecked(notify!)).toBe(false);
  });

  it('an open <s-checkbox> counts once: through the input inside it', () => {
    document.body.innerHTML = '<s-checkbox label="Notify customer"></s-checkbox>';
    const host = document.querySelector('s-checkbox')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<label><input type="checkbox" checked><span>Notify customer</span></label>';
    const found = findNotifyBoxes(document, { lang: 'en' });
    expect(found.checkboxes).toBe(1);
    expect(found.boxes[0]!.box.tagName).toBe('INPUT');
  });
});
