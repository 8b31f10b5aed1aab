import { describe, expect, it, vi } from 'vitest';
import { cardModel, fixesFor } from '../../entrypoints/admin.content/features/proxy-banner';
import { acceptScriptedClicksForTests, ownShadowRoot } from '../../entrypoints/admin.content/own-ui';
import { createCardHost } from '../../entrypoints/admin.content/proxy-card';
import { defaultSettings, type StoreSettings } from '../../lib/settings';
import type { OrderFacts } from '../../lib/order-facts';
import { blankFacts } from '../fixtures/order-facts';
import { t } from '../../lib/i18n';

const tr = (key: string, params?: Record<string, string | number>) => t('en', key, params);
const actions = { fix: vi.fn(), undo: vi.fn(), connect: vi.fn() };

const facts = (over: Partial<OrderFacts>): OrderFacts => blankFacts({ name: '#1001', ...over });

function state(over: Partial<Parameters<typeof cardModel>[0]> = {}): Parameters<typeof cardModel>[0] {
  return { settings: defaultSettings(), facts: null, apiError: null, pageEmail: null, busy: null, result: null, inactive: false, ...over };
}

const AMAZON = 'c4dc1kt7abtb7qr@marketplace.amazon.com';

describe('cardModel', () => {
  it('automatic protection stopped for the store: the card says so and why (warning and protected cards); running, nothing', () => {
    const auto = {
      store: 'demo-store', enabled: true, since: '2026-11-20T09:00:00.000Z', phase: 'stopped' as const, lastCheckAt: null, protectedToday: 0, protectedTotal: 0,
      problem: { code: 'token_invalid', message: 'The store did not accept the access token.', at: '2026-11-20T10:00:00.000Z' }, lastProblem: null, standbyUntil: null,
    };
    const line = `Automatic protection of new orders is stopped for this store: ${tr('err_token_invalid')}`;
    const warning = cardModel(state({ facts: facts({ email: AMAZON }), auto }), tr, actions)!;
    expect(warning.lines).toContain(line);
    const safe = cardModel(state({ facts: facts({ email: null, sourceName: 'amazon', originalEmail: AMAZON }), auto }), tr, actions)!;
    expect(safe.lines).toContain(line);
    const running = cardModel(state({ facts: facts({ email: AMAZON }), auto: { ...auto, phase: 'on', problem: null } }), tr, actions)!;
    expect(running.lines.some((l) => typeof l === 'string' && l.startsWith('Automatic protection'))).toBe(false);
  });
  it('ordinary order: no card, from the page or from the API', () => {
    expect(cardModel(state({ pageEmail: 'lena@gmx.de', apiError: { code: 'not_connected', message: '' } }), tr, actions)).toBeNull();
    expect(cardModel(state({ facts: facts({ email: 'lena@gmx.de', sourceName: 'web' }) }), tr, actions)).toBeNull();
  });

  it('not connected: warns from the page email and offers only the connect step', () => {
    const m = cardModel(state({ pageEmail: AMAZON, apiError: { code: 'not_connected', message: '' } }), tr, actions)!;
    expect(m.tone).toBe('warning');
    expect(m.title).toBe('Amazon order: the email is a relay address');
    expect(m.buttons.map((b) => b.id)).toEqual(['connect']);
    expect(m.lines.map((l) => (typeof l === 'string' ? l : l.text)).join(' ')).toContain(AMAZON);
  });

  it('connected: the configured fix is primary, the other fixes beside it', () => {
    const settings: StoreSettings = { ...defaultSettings(), defaultStrategy: 'prefix' };
    const m = cardModel(state({ settings, facts: facts({ email: AMAZON }) }), tr, actions)!;
    expect(m.buttons.map((b) => [b.id, Boolean(b.primary)])).toEqual([
      ['fix-prefix', true], ['fix-strip', false], ['fix-domain', false], ['fix-domain-order-id', false], ['fix-fixed', false],
    ]);
    m.buttons[0]!.onClick();
    expect(actions.fix).toHaveBeenCalledWith('prefix');
  });

  it('a per-marketplace "keep" makes no fix primary and says the guard still protects', () => {
    const settings: StoreSettings = { ...defaultSettings(), overrides: { amazon: 'keep' } };
    const m = cardModel(state({ settings, facts: facts({ email: AMAZON }) }), tr, actions)!;
    expect(m.buttons.some((b) => b.primary)).toBe(false);
    expect(m.lines).toContain(tr('card_keep_configured'));
  });

  it('Etsy by channel: flagged with the channel wording', () => {
    const m = cardModel(state({ facts: facts({ email: 'hannah@gmail.com', sourceName: 'etsy', channelName: 'Etsy' }) }), tr, actions)!;
    expect(m.title).toBe('Etsy order: do not email this buyer');
  });

  it('neutralised: calm protected state, restore when the original is known', () => {
    const stripped = cardModel(state({ facts: facts({ email: null, sourceName: 'amazon', originalEmail: AMAZON }) }), tr, actions)!;
    expect(stripped.tone).toBe('success');
    expect(stripped.buttons.map((b) => b.id)).toEqual(['restore']);
    const prefixed = cardModel(state({ facts: facts({ email: `blacklisted-${AMAZON}` }) }), tr, actions)!;
    expect(prefixed.tone).toBe('success');
  });

  it('an order the Shopify Flow workflow fixed says so; the same order after an undo (no original) does not', () => {
    const byFlow = cardModel(state({ facts: facts({ email: null, sourceName: 'amazon', originalEmail: AMAZON, fixedBy: 'flow', fixedAt: '2026-11-02T10:00:00Z' }) }), tr, actions)!;
    expect(byFlow.tone).toBe('success');
    expect(byFlow.lines).toContain(tr('card_protected_by_flow'));
    expect(tr('card_protected_by_flow')).toMatch(/Shopify Flow/);
    const byUs = cardModel(state({ facts: facts({ email: null, sourceName: 'amazon', originalEmail: AMAZON }) }), tr, actions)!;
    expect(byUs.lines).not.toContain(tr('card_protected_by_flow'));
    const undone = cardModel(state({ facts: facts({ email: `blacklisted-${AMAZON}`, fixedBy: 'flow' }) }), tr, actions)!;
    expect(undone.lines).not.toContain(tr('card_protected_by_flow'));
  });

  it('inactive layout: floating notice, except when the API says the order is ordinary', () => {
    expect(cardModel(state({ inactive: true }), tr, actions)).toMatchObject({ floating: true, title: 'Guard inactive on this page' });
    expect(cardModel(state({ inactive: true, facts: facts({ email: 'lena@gmx.de' }) }), tr, actions)).toBeNull();
    const flagged = cardModel(state({ inactive: true, facts: facts({ email: AMAZON }) }), tr, actions)!;
    expect(flagged.lines[0]).toContain(AMAZON);
  });

  it('an API failure other than the connection falls back to the page and says why', () => {
    const m = cardModel(state({ pageEmail: AMAZON, apiError: { code: 'store_unreachable', message: 'x' } }), tr, actions)!;
    expect(m.lines.join(' ')).toContain(tr('card_page_fallback'));
    expect(m.buttons[0]!.id).toBe('fix-strip');
  });

  it('fixesFor fills in the store settings', () => {
    const s: StoreSettings = { ...defaultSettings(), domain: 'mystore.com', fixedEmail: 'orders@mystore.com', prefix: 'nomail-' };
    expect(fixesFor(s)).toContainEqual({ kind: 'fixed', email: 'orders@mystore.com' });
    expect(fixesFor(s)).toContainEqual({ kind: 'domain', domain: 'mystore.com', localPart: 'order-id' });
    expect(fixesFor(s)).toContainEqual({ kind: 'prefix', prefix: 'nomail-' });
  });
});

describe('card rendering', () => {
  it('puts page data in as text, never as markup', () => {
    const card = createCardHost(document);
    document.body.append(card.host);
    const hostile = '<img src=x onerror="alert(1)">@marketplace.amazon.com';
    card.render({ tone: 'warning', title: 'T', lines: [{ text: `Order email: ${hostile}`, strong: hostile }], buttons: [] });
    const root = ownShadowRoot(card.host)!;
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('strong')!.textContent).toBe(hostile);
  });

  it('hides itself when there is nothing to show and marks the state', () => {
    const card = createCardHost(document);
    card.render(null);
    expect(card.host.hidden).toBe(true);
    expect(card.host.dataset.state).toBe('none');
  });

  /** Renders one fix button and clicks it, as a trusted click (stood in for) or as a script's. */
  function clickFix(trusted: boolean) {
    const card = createCardHost(document);
    document.body.append(card.host);
    const onClick = vi.fn();
    const bubbled = vi.fn();
    document.body.addEventListener('click', bubbled);
    card.render({ tone: 'warning', title: 'T', lines: [], buttons: [{ id: 'fix-strip', label: 'Remove', primary: true, onClick }] });
    acceptScriptedClicksForTests(trusted); // happy-dom cannot make a trusted click
    (ownShadowRoot(card.host)!.querySelector('[data-action="fix-strip"]') as HTMLButtonElement).click();
    return { onClick, bubbled };
  }

  it('buttons call their handler and do not bubble into the admin', () => {
    const { onClick, bubbled } = clickFix(true);
    expect(onClick).toHaveBeenCalledOnce();
    expect(bubbled).not.toHaveBeenCalled();
  });

  it('a script-made click on a fix button does nothing (and still does not reach the admin)', () => {
    const { onClick, bubbled } = clickFix(false);
    expect(onClick).not.toHaveBeenCalled();
    expect(bubbled).not.toHaveBeenCalled();
  });

  it('the card’s shadow root is closed outside the sandbox build: the page cannot read or press it', () => {
    const card = createCardHost(document);
    document.body.append(card.host);
    card.render({ tone: 'warning', title: 'Secret title', lines: ['x@marketplace.amazon.com'], buttons: [{ id: 'fix-strip', label: 'Remove', onClick: () => {} }] });
    expect(card.host.shadowRoot).toBeNull();
    expect(card.host.textContent).not.toContain('Secret title');
    expect(ownShadowRoot(card.host)!.textContent).toContain('Secret title');
  });
});
