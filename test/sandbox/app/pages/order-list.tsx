/**
 * The admin's order list, shaped like Polaris' IndexTable: a `<table>` of `<tr>` rows, each with a row
 * checkbox and the order number as the row's primary link (`<a data-primary-link>`); customer names,
 * never emails. Volatile like the real one:
 *   - 50 rows a page (`?per=N` to change), cursor pagination (Previous / Next), sort newest/oldest,
 *     search (Shopify search syntax, e.g. `source_name:amazon` or `name:#1005`), all kept in the URL
 *     with pushState (a URL change that is not a page load);
 *   - rows are keyed by POSITION, so after a sort, a page change or a search React re-uses the same
 *     `<tr>` nodes for other orders — a mark left on a row would now sit on the wrong order;
 *   - the previous rows stay on screen while the next page loads.
 * Bulk actions on a selection (sandbox assumptions, test/facts/ADMIN-UI.md has no bulk facts):
 *   - "Fulfill orders" opens a dialog with a notify checkbox, ticked by default;
 *   - "Mark as fulfilled" fulfils the selection AT ONCE and Shopify notifies every customer with an
 *     email (no question asked) — the path the extension must ask about first.
 */
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { gql, money, numericId } from '../api';
import { sandboxText, type SandboxLang, type SandboxTextKey } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { cx } from '../styles';
import { Checkbox } from '../surfaces/common';
import { listText, type ListTextKey } from './order-list-texts';

export const LIST_PAGE_SIZE = 50;

interface ListRow {
  id: string;
  name: string;
  email: string | null;
  createdAt: string;
  sourceName: string | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string | null;
  customer: { displayName: string } | null;
  totalPriceSet: { shopMoney: { amount: string; currencyCode: string } };
  fulfillmentOrders: { nodes: Array<{ id: string; status: string }> };
}

interface ListPage {
  rows: ListRow[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const LIST_QUERY = /* GraphQL */ `
  query SandboxOrderList($first: Int, $last: Int, $after: String, $before: String, $reverse: Boolean, $query: String) {
    orders(first: $first, last: $last, after: $after, before: $before, sortKey: CREATED_AT, reverse: $reverse, query: $query) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes {
        id name email createdAt sourceName displayFinancialStatus displayFulfillmentStatus
        customer { displayName }
        totalPriceSet { shopMoney { amount currencyCode } }
        fulfillmentOrders(first: 5) { nodes { id status } }
      }
    }
  }`;

const FULFIL = /* GraphQL */ `
  mutation SandboxBulkFulfil($fulfillment: FulfillmentInput!) {
    fulfillmentCreate(fulfillment: $fulfillment) {
      fulfillment { id }
      userErrors { field message }
    }
  }`;

interface ListParams {
  sort: 'newest' | 'oldest';
  q: string;
  after: string | null;
  before: string | null;
  per: number;
}

function readParams(search: string): ListParams {
  const p = new URLSearchParams(search);
  const per = Number(p.get('per'));
  return {
    sort: p.get('sort') === 'oldest' ? 'oldest' : 'newest',
    q: p.get('q') ?? '',
    after: p.get('after'),
    before: p.get('before'),
    per: Number.isInteger(per) && per > 0 && per <= 250 ? per : LIST_PAGE_SIZE,
  };
}

function listPath(handle: string, current: URLSearchParams, change: Partial<Record<'sort' | 'q' | 'after' | 'before', string | null>>): string {
  const next = new URLSearchParams(current);
  for (const [k, v] of Object.entries(change)) {
    if (v === null || v === '') next.delete(k);
    else next.set(k, v);
  }
  const qs = next.toString();
  return `/store/${handle}/orders${qs ? `?${qs}` : ''}`;
}

export function OrderListPage({ handle, lang }: { handle: string; lang: SandboxLang }) {
  const t = (k: SandboxTextKey) => sandboxText(lang, k);
  const l = (k: ListTextKey, p?: Record<string, string | number>) => listText(lang, k, p);
  const loc = useLocation();
  const params = readParams(loc.search);
  const [page, setPage] = useState<ListPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState(false);
  const [notify, setNotify] = useState(true);
  const [busy, setBusy] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const [search, setSearch] = useState(params.q);
  const [reload, setReload] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    const backwards = Boolean(params.before);
    gql<{ orders: { nodes: ListRow[]; pageInfo: ListPage['pageInfo'] } }>(LIST_QUERY, {
      ...(backwards ? { last: params.per, before: params.before } : { first: params.per, after: params.after }),
      reverse: params.sort === 'newest',
      query: params.q || null,
    })
      .then((d) => {
        if (ticket !== latest.current) return;
        // Polaris clears the selection when the rows change under it.
        setSelected(new Set());
        setPage({ rows: d.orders.nodes, pageInfo: d.orders.pageInfo });
      })
      .catch((e: Error) => setError(e.message));
  }, [params.sort, params.q, params.after, params.before, params.per, reload]);

  const current = new URLSearchParams(loc.search);
  const go = (change: Parameters<typeof listPath>[2]) => navigate(listPath(handle, current, change));
  const rows = page?.rows ?? [];
  const chosen = rows.filter((r) => selected.has(r.id));

  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  async function fulfilSelection(notifyCustomer: boolean) {
    setBusy(true);
    let done = 0;
    for (const row of chosen) {
      const fo = row.fulfillmentOrders.nodes.find((n) => n.status === 'OPEN' || n.status === 'IN_PROGRESS');
      if (!fo) continue;
      const data = await gql<{ fulfillmentCreate: { userErrors: unknown[] } }>(FULFIL, {
        fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }], notifyCustomer },
      });
      if (data.fulfillmentCreate.userErrors.length === 0) done++;
    }
    setBusy(false);
    setDialog(false);
    setToast(l('fulfilledToast', { n: done }));
    setReload((n) => n + 1);
  }

  const openRow = (e: MouseEvent<HTMLTableRowElement>, href: string) => {
    // IndexTable rows are clickable as a whole; the checkbox and links handle their own clicks.
    const target = e.target as HTMLElement;
    if (target.closest('input, a, button, label')) return;
    navigate(href);
  };

  const allOnPage = rows.length > 0 && chosen.length === rows.length;
  return (
    <div className={cx('Page')}>
      <div className={cx('PageHeader')}>
        <h1 className={cx('Title')}>{t('orders')}</h1>
      </div>
      {toast && (
        <div className={cx('Banner')} role="status" style={{ marginBottom: 12 }}>
          {toast}
        </div>
      )}
      <div className={cx('Card')} style={{ padding: 0, overflow: 'hidden' }}>
        <div className={cx('Row')} style={{ padding: '8px 12px', borderBottom: '1px solid #ebebeb' }}>
          <form
            role="search"
            style={{ flex: 1, display: 'flex', gap: 8 }}
            onSubmit={(e) => {
              e.preventDefault();
              go({ q: search.trim() || null, after: null, before: null });
            }}
          >
            <input
              className={cx('Input')}
              style={{ flex: 1 }}
              type="search"
              aria-label={l('searchLabel')}
              placeholder={l('searchPlaceholder')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
            />
          </form>
          <button
            type="button"
            className={cx('Button')}
            aria-label={l('sortLabel')}
            onClick={() => go({ sort: params.sort === 'newest' ? 'oldest' : null, after: null, before: null })}
          >
            ⇅ {params.sort === 'newest' ? l('sortNewest') : l('sortOldest')}
          </button>
        </div>
        {error && <div role="alert" style={{ padding: 16 }}>{error}</div>}
        {!page && !error && <p className={cx('Muted')} style={{ padding: 16 }}>{t('loading')}</p>}
        {page && (
          <table className={cx('IndexTable')} style={{ width: '100%', borderCollapse: 'collapse', fontSize: 13 }}>
            <thead>
              <tr>
                <th className={cx('Th')} style={{ width: 32 }}>
                  <input
                    type="checkbox"
                    aria-label={l('selectAll')}
                    checked={allOnPage}
                    onChange={(e) => setSelected(e.currentTarget.checked ? new Set(rows.map((r) => r.id)) : new Set())}
                  />
                </th>
                {chosen.length > 0 ? (
                  <th className={cx('Th')} colSpan={7}>
                    <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                      <span>{l('selected', { n: chosen.length })}</span>
                      <div role="group" style={{ display: 'flex', gap: 8 }}>
                        <button type="button" className={cx('Button')} disabled={busy} onClick={() => { setNotify(chosen.some((r) => r.email)); setDialog(true); }}>
                          {l('bulkFulfil')}
                        </button>
                        <button type="button" className={cx('Button')} disabled={busy} onClick={() => void fulfilSelection(true)}>
                          {l('bulkMark')}
                        </button>
                      </div>
                    </div>
                  </th>
                ) : (
                  (['order', 'date', 'customer', 'channel', 'total', 'paymentStatus', 'fulfillmentStatus'] as const).map((k) => (
                    <th key={k} className={cx('Th')}>{t(k)}</th>
                  ))
                )}
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <tr>
                  <td className={cx('Td')} colSpan={8}>{l('noResults')}</td>
                </tr>
              )}
              {rows.map((row, index) => {
                const href = `/store/${handle}/orders/${numericId(row.id)}`;
                return (
                  // Keyed by position on purpose: the same <tr> shows another order after a sort or page change.
                  <tr key={index} className={cx('IndexTableRow', selected.has(row.id) && 'IndexTableRowSelected')} onClick={(e) => openRow(e, href)} style={{ cursor: 'pointer' }}>
                    <td className={cx('Td')}>
                      <input type="checkbox" aria-label={l('selectRow', { name: row.name })} checked={selected.has(row.id)} onChange={(e) => toggle(row.id, e.currentTarget.checked)} />
                    </td>
                    <td className={cx('Td')}>
                      <Link className={cx('Link')} style={{ fontWeight: 650 }} href={href} data-primary-link="true">{row.name}</Link>
                    </td>
                    <td className={cx('Td')}>{new Date(row.createdAt).toLocaleDateString(lang, { dateStyle: 'medium' })}</td>
                    <td className={cx('Td')}>{row.customer?.displayName ?? '—'}</td>
                    <td className={cx('Td')}>{row.sourceName ?? '—'}</td>
                    <td className={cx('Td')}>{money(row.totalPriceSet.shopMoney, lang)}</td>
                    <td className={cx('Td')}><span className={cx('Badge')}>{t('paid')}</span></td>
                    <td className={cx('Td')}>
                      <span className={cx('Badge', row.displayFulfillmentStatus === 'FULFILLED' ? 'BadgeSuccess' : 'BadgeAttention')}>
                        {row.displayFulfillmentStatus === 'FULFILLED' ? t('fulfilled') : t('unfulfilled')}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {page && (
          <nav aria-label="Pagination" style={{ display: 'flex', justifyContent: 'center', gap: 8, padding: 12, borderTop: '1px solid #ebebeb' }}>
            <button type="button" className={cx('Button')} disabled={!page.pageInfo.hasPreviousPage} onClick={() => go({ before: page.pageInfo.startCursor, after: null })}>
              ‹ {l('previous')}
            </button>
            <button type="button" className={cx('Button')} disabled={!page.pageInfo.hasNextPage} onClick={() => go({ after: page.pageInfo.endCursor, before: null })}>
              {l('next')} ›
            </button>
          </nav>
        )}
      </div>
      {dialog && (
        <div className={cx('Backdrop')}>
          <div className={cx('Modal')} role="dialog" aria-modal="true" aria-labelledby="bulk-fulfil-title">
            <div className={cx('ModalHeader')} id="bulk-fulfil-title">{l('bulkDialogTitle', { n: chosen.length })}</div>
            <div className={cx('ModalBody')}>
              {chosen.map((r) => (
                <div key={r.id}>{r.name} · {r.customer?.displayName ?? '—'}</div>
              ))}
              {chosen.some((r) => r.email) && <Checkbox shape="wrap" label={l('bulkNotify')} checked={notify} onChange={setNotify} />}
            </div>
            <div className={cx('ModalFooter')}>
              <button type="button" className={cx('Button')} onClick={() => setDialog(false)}>{l('cancel')}</button>
              <button type="button" className={cx('Button', 'ButtonPrimary')} disabled={busy} onClick={() => void fulfilSelection(notify && chosen.some((r) => r.email))}>
                {l('bulkConfirm')}
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
