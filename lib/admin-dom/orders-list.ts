/**
 * Orders list (ORDERS-LIST): the admin's order index, its rows, which order each row shows, where
 * our marks go, and the bulk actions that fulfil a selection.
 *
 * What we assume about the real admin (2026-11; test/facts/ADMIN-UI.md — none verified on a live store):
 *   what                 assumption                                                        source
 *   the list             a Polaris IndexTable: a <table> in the main area                 public automation (2024–2026)
 *   a row                a <tr> (or role=row) holding a row checkbox                        `.Polaris-Table-TableRow__Selectable` seen on one store
 *   which order          the row's links to /orders/{id} (Polaris marks the primary one     Polaris `Link dataPrimaryLink`
 *                        `data-primary-link`); the customer column shows names, not emails
 *   bulk "fulfil now"    a button of the bulk-action bar that fulfils the selection at      not verified (sandbox assumption)
 *                        once, labelled as in BULK_FULFIL_NOW_LABELS
 *   bulk with a dialog   a dialog whose title the notify guard's dialog words call "fulfil" not verified
 * Rows re-render, sort, paginate and re-use their <tr> nodes: callers re-read a row's order every
 * time (never cache it on the row). A row whose links name no order, or two, is reported, not guessed.
 */
import { foldText, type NotifyLang } from '../notify-words';
import { findCheckboxes, isBoxChecked } from './notify-boxes';
import { findMainArea, findOrderTitle } from './order-page';
import { deepQueryAll, deepText, lightElement } from './shadow';

/** `/store/{handle}/orders/{id}` (admin.shopify.com, sandbox) and `/admin/orders/{id}` (legacy host). */
const ORDER_PATH = /\/orders\/(\d{1,20})(?=$|[/?#])/;
const TABLE_SELECTOR = 'table, [role="table"], [role="grid"]';
const ROW_SELECTOR = 'tr, [role="row"]';

export type UnmatchedReason = 'no-order-link' | 'several-orders';

export interface ListRow {
  row: Element;
  /** Numeric order id, or null when the row cannot be matched (see `unmatched`). */
  orderId: string | null;
  unmatched?: UnmatchedReason;
  /** The link our badge goes after (the row's primary link to its order). */
  link: Element | null;
  checkbox: Element | null;
}

export interface OrdersList {
  table: Element;
  rows: ListRow[];
}

/** The numeric order id in an admin link, or null ('/store/s/orders/123' → '123'; '/orders/123/refund' → '123'). */
export function orderIdFromHref(href: string | null): string | null {
  if (!href) return null;
  let path: string;
  try {
    path = new URL(href, 'https://admin.shopify.com/').pathname;
  } catch {
    return null;
  }
  return ORDER_PATH.exec(path)?.[1] ?? null;
}

function linksOf(row: Element): Element[] {
  const light = Array.from(row.querySelectorAll('a[href]'));
  return light.length ? light : deepQueryAll(row, 'a[href]');
}

/** Which order a row shows, from its links only (the primary link first). */
export function readRow(row: Element): ListRow {
  const links = linksOf(row);
  const checkbox = findCheckboxes(row)[0] ?? null;
  const primary = links.find((a) => a.hasAttribute('data-primary-link') && orderIdFromHref(a.getAttribute('href')));
  if (primary) return { row, orderId: orderIdFromHref(primary.getAttribute('href')), link: primary, checkbox };
  const ids = new Map<string, Element>();
  for (const a of links) {
    const id = orderIdFromHref(a.getAttribute('href'));
    if (id && !ids.has(id)) ids.set(id, a);
  }
  if (ids.size === 1) {
    const [orderId, link] = [...ids][0]!;
    return { row, orderId, link, checkbox };
  }
  return { row, orderId: null, unmatched: ids.size === 0 ? 'no-order-link' : 'several-orders', link: null, checkbox };
}

/** Body rows of a table: rows with a row checkbox (header rows and "no results" rows have none). */
export function tableRows(table: Element): Element[] {
  return Array.from(table.querySelectorAll(ROW_SELECTOR)).filter((row) => {
    if (row.closest('thead') || row.querySelector('th')) return false;
    return findCheckboxes(row).length > 0;
  });
}

/**
 * The orders list on the page: the table in the main area whose selectable rows link to the most
 * orders. null when there is none (another page, a layout we do not know, or no rows yet).
 */
export function findOrdersList(doc: Document | ParentNode, previous?: Element | null): OrdersList | null {
  if (previous && previous.isConnected) {
    const rows = tableRows(previous).map(readRow);
    if (rows.some((r) => r.orderId)) return { table: previous, rows };
  }
  const main = findMainArea(doc);
  if (!main) return null;
  let best: OrdersList | null = null;
  let bestMatched = 0;
  for (const table of deepQueryAll(main, TABLE_SELECTOR)) {
    if (table.parentElement?.closest(TABLE_SELECTOR)) continue; // a table nested in a cell
    const rows = tableRows(table).map(readRow);
    const matched = rows.filter((r) => r.orderId).length;
    if (matched > bestMatched) {
      best = { table, rows };
      bestMatched = matched;
    }
  }
  return best;
}

/**
 * The page has the shape of a list (a main area holding a table), even with no order rows in it — an
 * empty search — as opposed to a layout we do not recognise at all.
 */
export function hasListLayout(doc: Document | ParentNode): boolean {
  const main = findMainArea(doc);
  return main !== null && deepQueryAll(main, TABLE_SELECTOR).length > 0;
}

export interface ListSlot {
  parent: Element;
  before: Element | null;
}

/**
 * Where our line above the list goes: before the block holding the table, inside the page, below its
 * title — the child of (page title ∧ table)'s common ancestor that holds the table.
 */
export function findListSlot(doc: Document | ParentNode, table: Element): ListSlot | null {
  const light = lightElement(table);
  const title = findOrderTitle(doc);
  let block: Element = light;
  if (title) {
    const t = lightElement(title);
    while (block.parentElement && !block.parentElement.contains(t)) block = block.parentElement;
  } else {
    const main = findMainArea(doc);
    while (block.parentElement && block.parentElement !== main && block.parentElement.parentElement) block = block.parentElement;
  }
  return block.parentElement ? { parent: block.parentElement, before: block } : null;
}

/** Rows whose checkbox is ticked. */
export function selectedRows(list: OrdersList): ListRow[] {
  return list.rows.filter((r) => r.checkbox && isBoxChecked(r.checkbox));
}

/**
 * Bulk actions that fulfil the selected orders AT ONCE (no dialog, so no notify box to guard).
 * Not verified against the live admin; folded text, matched as the whole label.
 */
export const BULK_FULFIL_NOW_LABELS: Record<NotifyLang, string[]> = {
  en: ['Mark as fulfilled', 'Mark orders as fulfilled'],
  fr: ['Marquer comme traité', 'Marquer comme traitée', 'Marquer comme traitées', 'Marquer comme traités', 'Marquer comme expédié', 'Marquer comme expédiées'],
  de: ['Als ausgeführt markieren', 'Als versendet markieren'],
  es: ['Marcar como preparado', 'Marcar como preparados', 'Marcar como completado'],
  it: ['Segna come evaso', 'Segna come evasi', 'Contrassegna come evaso'],
  nl: ['Markeren als uitgevoerd', 'Markeren als verwerkt', 'Als uitgevoerd markeren'],
  pl: ['Oznacz jako zrealizowane', 'Oznacz jako zrealizowane zamówienia'],
  cs: ['Označit jako vyřízené', 'Označit jako vyřízenou'],
  sv: ['Markera som fullgjord', 'Markera som fullgjorda'],
  da: ['Markér som gennemført', 'Marker som gennemført', 'Markér som gennemførte'],
  fi: ['Merkitse toimitetuksi', 'Merkitse toimitetuiksi'],
  nb: ['Merk som fullført', 'Merk som fullførte'],
  pt: ['Marcar como processado', 'Marcar como processados', 'Marcar como processada', 'Marcar como processadas'],
  ja: ['発送済みにする', '発送済みとしてマークする'],
  tr: ['Gönderildi olarak işaretle'],
};

const FULFIL_NOW = new Set(Object.values(BULK_FULFIL_NOW_LABELS).flat().map(foldText));

/**
 * The bulk-action button an event went through, when it fulfils a selection at once; null otherwise.
 * Buttons inside a row (a row's own actions) are not bulk actions.
 */
export function bulkFulfilNowButton(path: readonly EventTarget[], list: OrdersList | null): Element | null {
  for (const target of path) {
    const el = target as Element;
    if (typeof el?.matches !== 'function' || !el.matches('button, [role="button"], [role="menuitem"], s-internal-button')) continue;
    if (list?.rows.some((r) => r.row.contains(el))) return null;
    const label = foldText(el.getAttribute('aria-label') || deepText(el));
    return FULFIL_NOW.has(label) ? el : null;
  }
  return null;
}
