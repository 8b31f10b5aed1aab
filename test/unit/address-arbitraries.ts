/**
 * The fast-check generators behind the rewrite laws (test/unit/rewrite.property.test.ts), shared with
 * test/unit/flow-code.test.ts, which checks the Shopify Flow code against the same inputs.
 */
import fc from 'fast-check';
import { DEFAULT_PREFIX, detectMarketplace, splitEmail } from '../../lib/marketplaces';
import { checkDomain, checkFixedEmail, checkPrefix, type Strategy } from '../../lib/rewrite';

export const RELAY_DOMAINS = [
  'marketplace.amazon.com',
  'marketplace.amazon.co.uk',
  'marketplace.amazon.de',
  'm.marketplace.amazon.co.jp',
  'marketplace.amazon.com.au',
  'members.ebay.com',
  'members.ebay.de',
  'members.ebay.com.hk',
  'relay.walmart.com',
  'notification.mirakl.net',
  'us.notification.mirakl.net',
  'kaufland-marktplatz.de',
  'allegromail.pl',
  'scs.tiktokw.us',
  'g.shipping.temuemail.com',
  'mail.mercadolibre.com.mx',
  'verkopen.bol.com',
  'marketplace.newegg.com',
  'private-relay.reverb.com',
  'message.manomano.com',
  'pc.fw.rakuten.ne.jp',
];

export const localPart = fc
  .stringMatching(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,50}$/)
  .filter((local) => !local.includes('..') && !local.endsWith('.') && local.length <= 64);
export const relayAddress = fc
  .tuple(localPart, fc.constantFrom(...RELAY_DOMAINS), fc.boolean())
  .map(([local, domain, upper]) => `${local}@${upper ? domain.toUpperCase() : domain}`)
  .filter((address) => detectMarketplace(address) !== null);
export const anyAddress = fc.oneof(relayAddress, fc.emailAddress().filter((address) => splitEmail(address) !== null));
export const ownDomain = fc.domain().filter((domain) => checkDomain(domain) === null);
export const prefix = fc.oneof(fc.constant(DEFAULT_PREFIX), fc.stringMatching(/^[a-z0-9][a-z0-9_+-]{0,12}-$/)).filter((p) => checkPrefix(p) === null);
export const strategy: fc.Arbitrary<Strategy> = fc.oneof(
  fc.constant<Strategy>({ kind: 'keep' }),
  fc.constant<Strategy>({ kind: 'strip' }),
  fc.emailAddress().filter((email) => checkFixedEmail(email) === null).map((email): Strategy => ({ kind: 'fixed', email })),
  fc.tuple(ownDomain, fc.constantFrom<'keep' | 'order-id' | undefined>('keep', 'order-id', undefined)).map(([domain, localPart]): Strategy => (localPart ? { kind: 'domain', domain, localPart } : { kind: 'domain', domain })),
  fc.option(prefix, { nil: undefined }).map((p): Strategy => (p === undefined ? { kind: 'prefix' } : { kind: 'prefix', prefix: p })),
);
export const orderId = fc.option(fc.stringMatching(/^[0-9A-Za-z][0-9A-Za-z-]{0,40}$/), { nil: undefined });
export const messyInput = fc.oneof(anyAddress, fc.string(), fc.constant(''), fc.constant(null), anyAddress.map((a) => `  ${a}\t`));

