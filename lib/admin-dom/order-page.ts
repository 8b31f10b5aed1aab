/**
 * Order page: contact email, order title, where our card goes.
 * Facts: test/facts/ADMIN-UI.md — customer card "Customer", section "Contact information" with
 * the email as a mailto: link (possibly inside a Polaris web component's open shadow root), or — as
 * the live admin showed it in 2024–2026 — as the text of a button in an inline stack, no mailto:.
 * Titles may be `h1.Polaris-Header-Title > span`; the title's text is what counts, not its markup.
 */

import { ORDER_PAGE_LANGS, type OrderPageLang } from './language';
import { deepQueryAll, deepText, ELEMENT_NODE, isOwn, lightElement, SKIPPED_TAGS, TEXT_NODE } from './shadow';

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
  // Not verified against a live admin in these languages either: the usual words for "Customer" and
  // "Contact information"; the email search also works without them (main area, structure).
  pl: { customerCard: ['Klient'], contactInformation: ['Informacje kontaktowe', 'Dane kontaktowe'] },
  cs: { customerCard: ['Zákazník'], contactInformation: ['Kontaktní údaje', 'Kontaktní informace'] },
  sv: { customerCard: ['Kund'], contactInformation: ['Kontaktuppgifter', 'Kontaktinformation'] },
  da: { customerCard: ['Kunde'], contactInformation: ['Kontaktoplysninger'] },
  fi: { customerCard: ['Asiakas'], contactInformation: ['Yhteystiedot'] },
  nb: { customerCard: ['Kunde'], contactInformation: ['Kontaktinformasjon', 'Kontaktopplysninger'] },
  pt: { customerCard: ['Cliente'], contactInformation: ['Informações de contato', 'Informações de contacto', 'Dados de contato'] },
  ja: { customerCard: ['お客様', '顧客'], contactInformation: ['連絡先情報', '連絡先'] },
  tr: { customerCard: ['Müşteri'], contactInformation: ['İletişim bilgileri'] },
};

const MAIN_SELECTOR = 'main, [role="main"], #AppFrameMain';
const TITLE_SELECTOR = 'h1, [role="heading"][aria-level="1"]';
const MAILTO_SELECTOR = 'a[href^="mailto:" i]';
/**
 * Where the 2026 admin shows the email as plain text: a button's (or link's) label in an inline stack,
 * no mailto: (public automation of the live admin, test/facts/ADMIN-UI.md).
 */
const EMAIL_TEXT_SELECTOR = 'button, [role="button"], s-internal-button, a, s-internal-link, s-internal-text';
const EMAIL_TEXT = /^[^\s@,;:<>()"]+@[^\s@,;:<>()"]+\.[^\s@,;:<>()"]+$/;

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
  visit(root);
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
      if (emailsShown(card).length > 0 || elementsWithText(card, allLabels('contactInformation', lang)).length > 0) {
        return card;
      }
    }
  }
  return null;
}

export interface ContactEmail {
  email: string;
  /** The element showing it: a mailto: link, or the button (link, text) whose whole text is the address. */
  link: Element;
  /** customer-card: inside the recognised card; main-area: the only address shown in the main area. */
  via: 'customer-card' | 'main-area';
}

/** Addresses the page shows under root, mailto: links first, then elements whose whole text is one address. */
function emailsShown(root: ParentNode): Array<{ link: Element; email: string }> {
  const out: Array<{ link: Element; email: string }> = [];
  for (const link of deepQueryAll(root, MAILTO_SELECTOR)) {
    const email = emailFromMailto(link.getAttribute('href'));
    if (email) out.push({ link, email });
  }
  for (const el of deepQueryAll(root, EMAIL_TEXT_SELECTOR)) {
    const text = deepText(el);
    if (text.length <= 254 && EMAIL_TEXT.test(text)) out.push({ link: el, email: text });
  }
  return out;
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
 * The order's contact email as the page shows it: in the customer card (a mailto: link, or the 2026
 * admin's button whose text is the address), or, when the card is not recognised, the one address
 * the main area shows (several different ones = unknown).
 */
export function findContactEmail(doc: Document | ParentNode, lang: OrderPageLang | null = null): ContactEmail | null {
  const card = findCustomerCard(doc, lang);
  const inCard = card ? emailsShown(card)[0] : undefined;
  if (inCard) return { ...inCard, via: 'customer-card' };
  const main = findMainArea(doc);
  if (!main) return null;
  const found = emailsShown(main);
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
