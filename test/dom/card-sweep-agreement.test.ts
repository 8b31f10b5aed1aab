/**
 * The order card and the automatic sweep / bulk job / orders list judge an order with ONE rule set
 * (lib/bulk/classify.ts detectWithSettings): on a table of orders they agree, and whenever the
 * sweep's listing scalars settle an order without a read (settledByScalars), the full verdict is
 * indeed "not relay".
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../entrypoints/admin.content/features/proxy-banner';
import { classifierFromSettings, settledByScalars, SHOPIFY_OWN_SOURCES } from '../../lib/bulk/classify';
import { detectMarketplace } from '../../lib/marketplaces';
import type { OrderFacts } from '../../lib/order-facts';
import { blankFacts } from '../fixtures/order-facts';
import { defaultSettings, type StoreSettings } from '../../lib/settings';
import { FakeClock } from '../fake-admin-api/clock';
import { Store } from '../fake-admin-api/store';

const order = (o: Partial<OrderFacts>): OrderFacts => blankFacts(o);

const AMAZON = 'kx3vq8bmlp2t9z4@marketplace.amazon.com';
const TABLE: [string, OrderFacts][] = [
  ['amazon relay', order({ email: AMAZON, sourceName: 'amazon', sourceIdentifier: '114-3941689-8772232', tags: ['amazon'] })],
  ['ebay relay by channel app', order({ email: 'abc123@members.ebay.com', appName: 'Marketplace Connect', channelName: 'eBay' })],
  ['etsy real address by channel', order({ email: 'jane@example.org', channelName: 'Etsy', appName: 'Marketplace Connect' })],
  ['etsy by tag', order({ email: 'jane@example.org', sourceName: 'etsy', tags: ['Etsy'] })],
  ['ordinary web', order({ email: 'jane@example.org', sourceName: 'web', appName: 'Online Store', channelName: 'Online Store' })],
  ['ordinary without email', order({ email: null, sourceName: 'pos' })],
  ['prefixed relay', order({ email: `blacklisted-${AMAZON}`, sourceName: 'amazon' })],
  ['our domain fix', order({ email: 'kx3vq8bmlp2t9z4@demo-store.com', sourceName: 'amazon', originalEmail: AMAZON })],
  ['stripped', order({ email: null, sourceName: 'amazon', originalEmail: AMAZON })],
  ['protected by Flow', order({ email: null, sourceName: 'amazon', originalEmail: AMAZON, fixedBy: 'flow' })],
  // The rule the card had alone: our original saved, an address now that is no relay and none of the
  // store's current neutral forms (settings changed since) = our own earlier fix, not a new problem.
  ['our fix, settings changed since', order({ email: 'orders@old-domain.example', sourceName: 'amazon', originalEmail: AMAZON })],
  ['our fix on a web order', order({ email: 'jane@example.org', sourceName: 'web', originalEmail: AMAZON })],
  ['relay re-synced over our fix', order({ email: AMAZON, sourceName: 'amazon', originalEmail: AMAZON })],
  // The merchant undid our fix: still exposed, and the card still warns (only the sweep leaves it).
  ['undone by the merchant', order({ email: AMAZON, sourceName: 'amazon', sourceIdentifier: '114-3941689-8772232', fixedBy: 'undone' })],
  ['walmart placeholder', order({ email: 'nocxemail@walmartone.com', sourceName: 'walmart' })],
];

const settingsList: [string, StoreSettings][] = [
  ['defaults', { ...defaultSettings(), domain: 'demo-store.com' }],
  ['fixed address', { ...defaultSettings(), domain: 'demo-store.com', fixedEmail: 'orders@demo-store.com', defaultStrategy: 'fixed' } as StoreSettings],
];

/** The card's verdict in the classifier's words (the card warns = relay; calm card = neutralised). */
function cardClass(facts: OrderFacts, settings: StoreSettings): 'ordinary' | 'neutralised' | 'flagged' {
  const d = detect({ settings, facts, pageEmail: null });
  return d === null ? 'ordinary' : d.neutralised ? 'neutralised' : 'flagged';
}

function agree(facts: OrderFacts, settings: StoreSettings): void {
  const verdict = classifierFromSettings(settings)(facts);
  const card = cardClass(facts, settings);
  if (card === 'ordinary') expect(verdict.cls).toBe('ordinary');
  if (card === 'neutralised') expect(verdict.cls).toBe('neutralised');
  // A flagged card is a relay verdict, unless the store's rewrite recognises the address as its own work.
  if (card === 'flagged') expect(['relay', 'neutralised']).toContain(verdict.cls);
  if (verdict.cls === 'relay') expect(card).toBe('flagged');
  if (settledByScalars(facts, settings)) expect(verdict.cls).not.toBe('relay');
}

describe('card and sweep: one rule set', () => {
  for (const [name, settings] of settingsList) {
    it(`agree on the table (${name})`, () => {
      const verdicts = TABLE.map(([label, facts]) => {
        agree(facts, settings);
        return [label, cardClass(facts, settings), classifierFromSettings(settings)(facts).cls];
      });
      // The rows that matter, spelled out (the card's former extra rule now holds for the sweep too).
      const byLabel = Object.fromEntries(verdicts.map(([label, card, cls]) => [label, `${card}/${cls}`]));
      expect(byLabel['amazon relay']).toBe('flagged/relay');
      expect(byLabel['etsy real address by channel']).toBe('flagged/relay');
      expect(byLabel['ordinary web']).toBe('ordinary/ordinary');
      expect(byLabel['our fix, settings changed since']).toBe('neutralised/neutralised');
      expect(byLabel['our fix on a web order']).toBe('neutralised/neutralised');
      expect(byLabel['relay re-synced over our fix']).toBe('flagged/relay');
      expect(byLabel['undone by the merchant']).toBe('flagged/relay');
    });
  }

  it('the listing settles only what the full read would call not relay, on 3,000 generated orders of every kind', () => {
    const store = new Store({ seed: 11, count: 3000, anchor: Date.parse('2026-06-01T00:00:00Z'), merchantDomain: 'demo-store.com', clock: new FakeClock('manual', 0) });
    for (const [, settings] of settingsList) {
      let settled = 0;
      for (let i = 0; i < store.size; i++) {
        const o = store.order(store.ordinalAt(i));
        if (!o) continue;
        const meta = (key: string) => o.metafields.find((m) => m.namespace === 'proxy_mail_guard' && m.key === key)?.value ?? null;
        const facts = order({
          email: o.email,
          sourceName: o.sourceName,
          sourceIdentifier: o.sourceIdentifier,
          appName: o.app?.name ?? o.channel?.app.name ?? null,
          channelName: o.channel?.channelName ?? null,
          tags: o.tags,
          originalEmail: meta('original_email'),
          fixedBy: meta('fixed_by'),
        });
        agree(facts, settings);
        if (settledByScalars(facts, settings)) settled++;
      }
      // Most ordinary and already protected orders are settled by the listing (the saving is real).
      expect(settled).toBeGreaterThan(store.size * 0.3);
    }
  });

  it("Shopify's own channels and apps are no marketplace in the catalogue", () => {
    for (const name of ['Online Store', 'Point of Sale', 'Draft Orders', 'Shopify Mobile for iPhone', 'Shopify Mobile for Android', 'Shop']) {
      for (const source of SHOPIFY_OWN_SOURCES) {
        expect(detectMarketplace('jane@example.org', { sourceName: source, channel: name, appName: name })).toBeNull();
      }
    }
  });
});
