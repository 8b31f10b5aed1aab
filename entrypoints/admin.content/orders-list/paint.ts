/**
 * Paints the list model: a Polaris-like Badge after each marketplace row's order link, and a Polaris-like
 * Banner above the list. Shadow roots (the admin's CSS and ours never mix); page data only through
 * textContent and attributes. Badges are keyed by the ROW they sit in and carry the order id they were
 * painted for, so a re-used <tr> that now shows another order never keeps the old badge.
 */
import { attachOwnShadow, ownModelHost, POLARIS_FONT } from '../own-ui';
import { OWN_MARK, type ListRow } from '@/lib/admin-dom';
import type { ListBadge, ListBanner } from './model';


// Polaris tokens (light theme), the values of @shopify/polaris-tokens as fallbacks.
const BADGE_CSS =
  `:host{all:initial;display:inline-block;margin-left:var(--p-space-200, .5rem);vertical-align:middle}` +
  `span{display:inline-flex;align-items:center;gap:4px;padding:2px 8px;border-radius:var(--p-border-radius-200, .5rem);` +
  `font:var(--p-font-weight-medium, 550) var(--p-font-size-300, .75rem)/var(--p-font-line-height-400, 1rem) ${POLARIS_FONT};white-space:nowrap}` +
  `.critical{background:var(--p-color-bg-fill-critical-secondary, rgba(254, 209, 215, 1));color:var(--p-color-text-critical, rgba(142, 11, 33, 1))}` +
  `.success{background:var(--p-color-bg-fill-success-secondary, rgba(175, 254, 191, 1));color:var(--p-color-text-success, rgba(1, 75, 64, 1))}`;

export interface BadgePainter {
  /** Makes the badges under `rows` exactly `badges` (same order); removes every other badge of ours. */
  paint(rows: readonly ListRow[], badges: ReadonlyArray<ListBadge | null>): void;
  /** Removes badges whose row now shows another order (or none). Cheap: run it on every mutation. */
  dropStale(read: (row: Element) => string | null): void;
  clear(): void;
}

export function createBadgePainter(doc: Document): BadgePainter {
  const byRow = new Map<Element, HTMLElement>();
  // The badge's text node, kept here: in production its shadow root is closed (host.shadowRoot is null).
  const spans = new WeakMap<HTMLElement, HTMLElement>();

  const make = (badge: ListBadge): HTMLElement => {
    const host = doc.createElement('pmg-list-badge');
    host.setAttribute(OWN_MARK, 'list-badge');
    const root = attachOwnShadow(host);
    const style = doc.createElement('style');
    style.textContent = BADGE_CSS;
    const span = doc.createElement('span');
    root.append(style, span);
    spans.set(host, span);
    update(host, badge);
    return host;
  };
  const update = (host: HTMLElement, badge: ListBadge) => {
    if (host.dataset.orderId === badge.orderId && host.dataset.text === badge.text && host.dataset.tone === badge.tone) return;
    host.dataset.orderId = badge.orderId;
    host.dataset.tone = badge.tone;
    host.dataset.text = badge.text;
    host.title = badge.title;
    const span = spans.get(host)!;
    span.className = badge.tone;
    span.textContent = badge.text;
    span.setAttribute('aria-label', badge.title);
  };
  const remove = (row: Element) => {
    byRow.get(row)?.remove();
    byRow.delete(row);
  };

  return {
    paint(rows, badges) {
      const live = new Set<Element>();
      rows.forEach((r, i) => {
        const badge = badges[i] ?? null;
        if (!badge || !r.link || r.orderId !== badge.orderId) {
          remove(r.row);
          return;
        }
        live.add(r.row);
        let host = byRow.get(r.row);
        if (!host) {
          host = make(badge);
          byRow.set(r.row, host);
        } else update(host, badge);
        if (host.previousSibling !== r.link || !host.isConnected) r.link.after(host);
      });
      for (const row of [...byRow.keys()]) if (!live.has(row)) remove(row);
    },
    dropStale(read) {
      for (const [row, host] of [...byRow]) {
        if (!row.isConnected || !row.contains(host) || read(row) !== host.dataset.orderId) remove(row);
      }
    },
    clear() {
      for (const row of [...byRow.keys()]) remove(row);
    },
  };
}

const BANNER_CSS =
  `:host{all:initial;display:block;margin:0 0 var(--p-space-400, 1rem);font:var(--p-font-weight-regular, 450) var(--p-font-size-325, .8125rem)/var(--p-font-line-height-500, 1.25rem) ${POLARIS_FONT};color:var(--p-color-text, rgba(48, 48, 48, 1))}` +
  `:host([hidden]){display:none}` +
  `:host([data-floating]){position:fixed;right:var(--p-space-400, 1rem);bottom:var(--p-space-400, 1rem);z-index:2147483000;max-width:420px;margin:0}` +
  `:host([data-floating]) .banner{box-shadow:0 4px 16px rgba(26,26,26,.18)}` +
  `.banner{display:flex;gap:var(--p-space-200, .5rem);align-items:flex-start;padding:var(--p-space-300, .75rem) var(--p-space-400, 1rem);border-radius:var(--p-border-radius-300, .75rem);box-shadow:0 1px 0 rgba(26,26,26,.07)}` +
  `.warning{background:var(--p-color-bg-surface-warning, rgba(255, 241, 227, 1));color:var(--p-color-text-warning, rgba(94, 66, 0, 1))}` +
  `.critical{background:var(--p-color-bg-surface-critical, rgba(254, 232, 235, 1));color:var(--p-color-text-critical, rgba(142, 11, 33, 1))}` +
  `.success{background:var(--p-color-bg-surface-success, rgba(205, 254, 212, 1));color:var(--p-color-text-success, rgba(1, 75, 64, 1))}` +
  `.info{background:var(--p-color-bg-surface-info, rgba(234, 244, 255, 1));color:var(--p-color-text-info, rgba(0, 58, 90, 1))}` +
  `.body{flex:1;display:flex;flex-direction:column;gap:var(--p-space-100, .25rem)}` +
  `p{margin:0}.title{font-weight:var(--p-font-weight-semibold, 650)}.brand{flex:none;font-size:var(--p-font-size-300, .75rem);opacity:.75}` +
  `.result.success{background:none}.busy{opacity:.85}` +
  `.actions{display:flex;flex-wrap:wrap;gap:var(--p-space-200, .5rem);margin-top:var(--p-space-100, .25rem)}` +
  `button{font:inherit;font-weight:var(--p-font-weight-medium, 550);min-height:28px;padding:var(--p-space-150, .375rem) var(--p-space-300, .75rem);border:none;border-radius:var(--p-border-radius-200, .5rem);` +
  `background:var(--p-color-bg-fill, #fff);color:var(--p-color-text, rgba(48, 48, 48, 1));box-shadow:0 -1px 0 #b5b5b5 inset,0 0 0 1px rgba(0,0,0,.1) inset;cursor:pointer}` +
  `button.primary{background:var(--p-color-bg-fill-brand, rgba(48, 48, 48, 1));color:var(--p-color-text-brand-on-bg-fill, #fff);box-shadow:0 -1px 0 1px rgba(0,0,0,.8) inset}` +
  `button:disabled{opacity:.55;cursor:default}button:focus-visible{outline:2px solid var(--p-color-text-link, rgba(0, 91, 211, 1));outline-offset:1px}`;

export interface BannerHandle {
  host: HTMLElement;
  render(banner: ListBanner | null): void;
}

export function createBanner(doc: Document): BannerHandle {
  return ownModelHost<ListBanner>(doc, 'pmg-list-banner', 'list-banner', BANNER_CSS, (banner, host, { el, button }) => {
    host.dataset.state = banner.floating ? 'inactive' : banner.tone;
    const box = el('section', `banner ${banner.tone}`);
    box.setAttribute('role', banner.tone === 'critical' ? 'alert' : 'status');
    box.setAttribute('aria-label', banner.title);
    const body = el('div', 'body');
    body.append(el('p', 'title', banner.title));
    for (const line of banner.lines) body.append(el('p', undefined, line));
    if (banner.result) {
      const r = el('p', `result ${banner.result.tone}`, banner.result.text);
      r.setAttribute('role', 'status');
      body.append(r);
    }
    if (banner.busy) body.append(el('p', 'busy', banner.busy));
    if (banner.buttons.length) {
      const actions = el('div', 'actions');
      for (const b of banner.buttons) actions.append(button(b));
      body.append(actions);
    }
    box.append(body, el('span', 'brand', 'Proxy Mail Guard'));
    return box;
  });
}
