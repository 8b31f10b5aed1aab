/**
 * listModel: what the order list shows for a state (badges per row, the line above the list), with
 * the real English and German texts, no DOM.
 */
import { describe, expect, it, vi } from 'vitest';
import { listModel, type ListState } from '../../entrypoints/admin.content/orders-list/model';
import { t } from '../../lib/i18n';
import type { ListVerdict } from '../../lib/messages';

const en = (key: string, params?: Record<string, string | number>) => t('en', key, params);
const de = (key: string, params?: Record<string, string | number>) => t('de', key, params);
const actions = { fix: vi.fn(), undo: vi.fn(), openBulk: vi.fn(), connect: vi.fn() };

const v = (orderId: string, state: ListVerdict['state'], label: string | null = 'Amazon', fixable = state === 'relay'): ListVerdict => ({
  orderId,
  state,
  marketplace: label?.toLowerCase() ?? null,
  label,
  fixable,
});

function state(over: Partial<ListState> = {}): ListState {
  const verdicts = new Map([v('1', 'relay'), v('2', 'protected'), v('3', 'ordinary', null), v('4', 'relay', 'eBay'), v('5', 'missing', null)].map((x) => [x.orderId, x]));
  return { connection: 'connected', apiError: null, rows: ['1', '2', '3', '4', '5', '6'].map((orderId) => ({ orderId })), verdicts, job: null, result: null, ...over };
}

describe('listModel', () => {
  it('badges: relay critical, protected success, ordinary / missing / not yet known nothing; one per row, same order', () => {
    const m = listModel(state(), en, actions);
    expect(m.badges.map((b) => b && [b.orderId, b.tone, b.text])).toEqual([
      ['1', 'critical', 'Amazon · relay address'],
      ['2', 'success', 'Amazon · protected'],
      null,
      ['4', 'critical', 'eBay · relay address'],
      null,
      null,
    ]);
    expect(m.badges[0]!.title).toContain('Amazon');
    // Found by its channel (Etsy: the buyer's real address): a marketplace order, not a relay address.
    const etsy = listModel(state({ rows: [{ orderId: '9' }], verdicts: new Map([['9', { ...v('9', 'relay', 'Etsy'), via: 'channel' as const }]]) }), en, actions);
    expect(etsy.badges[0]).toMatchObject({ tone: 'critical', text: 'Etsy · marketplace order' });
  });

  it('the line above the list counts each relay order on screen once and offers Fix them + Open bulk fix', () => {
    const m = listModel(state({ rows: ['1', '4', '1', '2'].map((orderId) => ({ orderId })) }), en, actions);
    expect(m.relay).toEqual(['1', '4']);
    expect(m.banner).toMatchObject({ tone: 'warning', title: '2 orders on this page still have a marketplace address' });
    expect(m.banner!.buttons.map((b) => [b.id, b.label, Boolean(b.primary)])).toEqual([
      ['fix', 'Fix them', true],
      ['open-bulk', 'Open bulk fix', false],
    ]);
    m.banner!.buttons[0]!.onClick();
    expect(actions.fix).toHaveBeenCalled();
    expect(listModel(state({ rows: [{ orderId: '1' }] }), en, actions).banner!.title).toBe('1 order on this page still has a marketplace address');
  });

  it('speaks the admin language', () => {
    const m = listModel(state(), de, actions);
    expect(m.badges[0]!.text).toBe('Amazon · Relay-Adresse');
    expect(m.banner!.title).toBe('2 Bestellungen auf dieser Seite haben noch eine Marktplatz-Adresse');
  });

  it('not connected: no badge at all, one line on how to connect', () => {
    const m = listModel(state({ connection: 'not-connected', apiError: { code: 'not_connected', message: 'x' } }), en, actions);
    expect(m.badges.every((b) => b === null)).toBe(true);
    expect(m.banner).toMatchObject({ tone: 'info', title: en('list_connect_line'), buttons: [{ id: 'connect', label: 'Connect store' }] });
  });

  it('another API failure: no badge, the reason in one line; waiting for the first answer: nothing', () => {
    const m = listModel(state({ connection: 'error', apiError: { code: 'store_unreachable', message: 'Shopify did not answer.' } }), en, actions);
    expect(m.badges.every((b) => b === null)).toBe(true);
    expect(m.banner).toMatchObject({ tone: 'critical', title: 'Marketplace badges are unavailable: Shopify did not answer.' });
    expect(listModel(state({ connection: 'unknown' }), en, actions)).toMatchObject({ banner: null, badges: [null, null, null, null, null, null] });
  });

  it('relay orders the settings keep: no Fix them, a line saying why', () => {
    const verdicts = new Map([['1', v('1', 'relay', 'Amazon', false)]]);
    const m = listModel(state({ rows: [{ orderId: '1' }], verdicts }), en, actions);
    expect(m.banner!.buttons.map((b) => b.id)).toEqual(['open-bulk']);
    expect(m.banner!.lines).toContain(en('list_keep_configured'));
  });

  it('progress while fixing (Fix them disabled), then the outcome with Undo', () => {
    const running = listModel(state({ job: { kind: 'fix', done: 1, total: 2 } }), en, actions);
    expect(running.banner!.busy).toBe('Fixing 1 of 2…');
    expect(running.banner!.buttons.find((b) => b.id === 'fix')!.disabled).toBe(true);

    const verdicts = new Map([v('1', 'protected'), v('4', 'protected', 'eBay')].map((x) => [x.orderId, x]));
    const done = listModel(state({ rows: [{ orderId: '1' }, { orderId: '4' }], verdicts, result: { kind: 'fixed', count: 2, total: 2, failed: 0, undoable: ['1', '4'] } }), en, actions);
    expect(done.banner).toMatchObject({ tone: 'success', title: 'Fixed 2 of 2. The original addresses are saved.' });
    expect(done.banner!.buttons.map((b) => b.id)).toEqual(['undo']);
    expect(done.badges.map((b) => b?.tone)).toEqual(['success', 'success']);

    const failed = listModel(state({ rows: [{ orderId: '1' }], result: { kind: 'fixed', count: 0, total: 1, failed: 1, reason: 'Shopify did not answer.', undoable: [] } }), en, actions);
    expect(failed.banner!.result).toEqual({ tone: 'critical', text: 'Fixed 0 of 1. The original addresses are saved. 1 not fixed: Shopify did not answer.' });
  });

  it('rows that could not be matched are reported, never badged', () => {
    const m = listModel(state({ rows: [{ orderId: null }, { orderId: '3' }, { orderId: null }] }), en, actions);
    expect(m.badges).toEqual([null, null, null]);
    expect(m.unmatched).toBe(2);
    expect(m.banner).toMatchObject({ tone: 'info', title: '2 rows could not be matched to an order and have no badge.' });
    expect(listModel(state({ rows: [{ orderId: null }, { orderId: '1' }] }), en, actions).banner!.lines).toContain(en('list_unmatched', { count: 1 }));
  });
});

describe('listModel: no list recognised', () => {
  it('says the guard is inactive in a corner notice, no badge', () => {
    const m = listModel(state({ rows: [], inactive: true }), en, actions);
    expect(m.badges).toEqual([]);
    expect(m.banner).toMatchObject({ tone: 'critical', floating: true, title: en('list_inactive') });
    // Rows showed up after all: back to normal.
    expect(listModel(state({ inactive: true }), en, actions).banner).toMatchObject({ tone: 'warning' });
  });
});
