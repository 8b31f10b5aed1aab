/**
 * lib/admin-dom/orders-list.ts on saved list pages shaped like the admin's IndexTable (hashed classes,
 * native and ARIA row checkboxes, legacy-host links, rows we must not guess), and on a live table whose
 * <tr> nodes are re-used for other orders.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { bulkFulfilNowButton, findListSlot, findOrdersList, hasListLayout, orderIdFromHref, readRow, selectedRows } from '../../lib/admin-dom';
import { expected, loadFixture } from './notify-fixture-loader';

const one = (value: string) => {
  const found = expected(document, value);
  expect(found, `fixture marks exactly one data-expect="${value}"`).toHaveLength(1);
  return found[0]!;
};

beforeEach(() => document.body.replaceChildren());

describe('orderIdFromHref', () => {
  it.each([
    ['/store/demo-store/orders/1001', '1001'],
    ['https://admin.shopify.com/store/s/orders/5501234567?page=2', '5501234567'],
    ['https://s.myshopify.com/admin/orders/42/refund', '42'],
    ['http://127.0.0.1:4173/store/demo-store/orders/7#top', '7'],
    ['/store/s/orders', null],
    ['/store/s/orders/12abc', null],
    ['/store/s/customers/12', null],
    ['/store/s/draft_orders/12', null],
    ['mailto:a@b.com', null],
    [null, null],
  ])('%s → %s', (href, id) => expect(orderIdFromHref(href)).toBe(id));
});

describe('orders-list.en.html', () => {
  beforeEach(() => loadFixture('orders-list.en.html'));

  it('finds the orders table (not the other table, not the links outside the main area)', () => {
    const list = findOrdersList(document)!;
    expect(list.table).toBe(one('orders-table'));
    expect(list.rows).toHaveLength(6);
  });

  it('matches rows to orders from their links: primary link first, legacy host, a row linking twice to the same order', () => {
    const ids = findOrdersList(document)!.rows.map((r) => r.orderId);
    expect(ids).toEqual(['6000900000001', '6000900000002', '6000900000003', null, null, '6000900000006']);
    expect(findOrdersList(document)!.rows[0]!.link).toBe(one('link-1'));
  });

  it('reports rows it cannot match, with the reason, instead of guessing', () => {
    const rows = findOrdersList(document)!.rows;
    expect(rows.find((r) => r.row === one('unmatched-nolink'))).toMatchObject({ orderId: null, unmatched: 'no-order-link', link: null });
    expect(rows.find((r) => r.row === one('unmatched-several'))).toMatchObject({ orderId: null, unmatched: 'several-orders' });
  });

  it('reads the selection from the row checkboxes', () => {
    expect(selectedRows(findOrdersList(document)!).map((r) => r.orderId)).toEqual(['6000900000001', '6000900000003']);
  });

  it('puts our line above the list block, below the page title', () => {
    const list = findOrdersList(document)!;
    const slot = findListSlot(document, list.table)!;
    expect(slot.before).toBe(one('list-block'));
  });

  it('knows the bulk action that fulfils at once, and no other button', () => {
    const list = findOrdersList(document)!;
    const mark = one('bulk-mark');
    expect(bulkFulfilNowButton([mark.querySelector('span')!, mark, document.body], list)).toBe(mark);
    expect(bulkFulfilNowButton([one('bulk-dialog')], list)).toBeNull();
    expect(bulkFulfilNowButton([document.querySelector('input[type=search]')!], list)).toBeNull();
  });
});

describe('orders-list.de.html', () => {
  beforeEach(() => loadFixture('orders-list.de.html'));

  it('ARIA row checkboxes, German bulk action', () => {
    const list = findOrdersList(document)!;
    expect(list.rows.map((r) => r.orderId)).toEqual(['7001', '7002', '7003']);
    expect(selectedRows(list).map((r) => r.orderId)).toEqual(['7001']);
    expect(bulkFulfilNowButton([one('bulk-mark')], list)).toBe(one('bulk-mark'));
  });
});

describe('a re-used row', () => {
  it('reads the order the row shows NOW: the same <tr> re-rendered for another order', () => {
    loadFixture('orders-list.en.html');
    const list = findOrdersList(document)!;
    const tr = list.rows[0]!.row;
    tr.querySelector('a')!.setAttribute('href', '/store/demo-store/orders/6000900000042');
    tr.querySelector('a')!.textContent = '#1242';
    expect(readRow(tr).orderId).toBe('6000900000042');
    expect(findOrdersList(document, list.table)!.rows[0]!.orderId).toBe('6000900000042');
  });

  it('no table of orders → null (another page, or rows not rendered yet)', () => {
    document.body.innerHTML = '<main><h1>Orders</h1><table><tbody><tr><td><input type="checkbox"></td><td>Loading</td></tr></tbody></table></main>';
    expect(findOrdersList(document)).toBeNull();
  });
});

describe('hasListLayout', () => {
  it('a list page with no order rows (an empty search) still has the list layout; a page without main area or table has not', () => {
    document.body.innerHTML = '<main><h1>Orders</h1><table><tbody><tr><td>No orders found</td></tr></tbody></table></main>';
    expect(hasListLayout(document)).toBe(true);
    document.body.innerHTML = '<div><h1>Orders</h1><table><tbody><tr><td>x</td></tr></tbody></table></div>';
    expect(hasListLayout(document)).toBe(false);
    document.body.innerHTML = '<main><h1>Orders</h1><div role="list"></div></main>';
    expect(hasListLayout(document)).toBe(false);
  });
});
