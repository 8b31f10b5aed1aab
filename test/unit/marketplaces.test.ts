import { describe, expect, it } from 'vitest';
import {
  CUSTOM_MARKETPLACE,
  MARKETPLACES,
  classifyNeutralised,
  detectMarketplace,
  isRelayDomain,
  isValidEmail,
  marketplaceLabel,
  normaliseEmail,
  splitEmail,
  stripPrefixes,
} from '../../lib/marketplaces';
import { CONTEXT_CASES, NEGATIVE, NEUTRALISED, POSITIVE, STORE_NEUTRAL, STORE_NEUTRALISED_CASES } from './address-tables';

const ALL = [...POSITIVE, ...NEUTRALISED, ...NEGATIVE];

describe('detectMarketplace(email): the address table', () => {
  it('has at least 150 addresses', () => expect(ALL.length).toBeGreaterThanOrEqual(150));

  it.each(ALL.map((row) => [String(typeof row[0] === 'symbol' ? 'Symbol()' : JSON.stringify(row[0])), ...row] as const))(
    '%s',
    (_name, input, marketplace, neutralised) => {
      const detection = detectMarketplace(input as string);
      if (marketplace === null) {
        expect(detection).toBeNull();
        return;
      }
      expect(detection).toMatchObject({ marketplace, label: MARKETPLACES[marketplace], via: 'email', neutralised: neutralised ?? null });
    },
  );

  it('a relay as long as the limits allow is still found; one character more is malformed', () => {
    const local64 = 'a'.repeat(64);
    const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(38)}.marketplace.amazon.com`;
    const at254 = `${local64}@${domain}`;
    expect(at254.length).toBe(254);
    expect(detectMarketplace(at254)?.marketplace).toBe('amazon');
    expect(detectMarketplace(`a${at254}`)).toBeNull();
  });

  it('flags Walmart\'s "no email" placeholder, and only it', () => {
    expect(detectMarketplace('nocxemail@walmartone.com')?.placeholder).toBe(true);
    expect(detectMarketplace('blacklisted-nocxemail@walmartone.com')).toMatchObject({ marketplace: 'walmart', neutralised: 'prefix', placeholder: true });
    expect(detectMarketplace('7D9F02968955480499C84C5871AD1401@relay.walmart.com')).not.toHaveProperty('placeholder');
    expect(detectMarketplace('other@walmartone.com')).toBeNull();
  });
});

describe('detectMarketplace: context (Etsy, Mirakl operators, channels, tags)', () => {
  const cases = CONTEXT_CASES;
  it.each(cases)('%s', (_name, email, context, marketplace, via, neutralised) => {
    const detection = detectMarketplace(email as string, context);
    if (marketplace === null) expect(detection).toBeNull();
    else expect(detection).toEqual({ marketplace, label: MARKETPLACES[marketplace], via, neutralised });
  });

  it('a context that is not an object is ignored', () => {
    expect(detectMarketplace('c4dc1kt7abtb7qr@marketplace.amazon.com', 'etsy' as never)?.marketplace).toBe('amazon');
    expect(detectMarketplace('jane@gmail.com', null as never)).toBeNull();
  });

  it('never throws, even when reading the context does', () => {
    const hostile = {
      get tags(): string[] {
        throw new Error('boom');
      },
    };
    expect(detectMarketplace('jane@gmail.com', hostile)).toBeNull();
  });
});

describe('detectMarketplace: addresses this store already neutralised', () => {
  const neutral = STORE_NEUTRAL;
  const cases = STORE_NEUTRALISED_CASES;
  it.each(cases)('%s', (_name, email, context, marketplace, via, neutralised) => {
    const detection = detectMarketplace(email as string, context);
    if (marketplace === null) expect(detection).toBeNull();
    else expect(detection).toEqual({ marketplace, label: MARKETPLACES[marketplace], via, neutralised });
  });

  it('the original on an extra domain is found when the extra domain is given', () => {
    expect(detectMarketplace(null as never, { originalEmail: 'abc@relay.walmart.ca' }, ['relay.walmart.ca'])).toEqual({
      marketplace: CUSTOM_MARKETPLACE,
      label: 'relay.walmart.ca',
      via: 'email',
      neutralised: 'stripped',
    });
  });

  it('classifyNeutralised names each form', () => {
    expect(classifyNeutralised(null)).toBe('stripped');
    expect(classifyNeutralised(undefined)).toBe('stripped');
    expect(classifyNeutralised(' ')).toBe('stripped');
    expect(classifyNeutralised('ORDERS@mystore.com', neutral)).toBe('fixed');
    expect(classifyNeutralised('x@mystore.com', neutral)).toBe('domain');
    expect(classifyNeutralised('x@mystore.com', { domain: '@mystore.com' })).toBe('domain');
    expect(classifyNeutralised('x@mystore.com', { domain: 'not a domain' })).toBeNull();
    expect(classifyNeutralised('blacklisted-x@gmail.com')).toBe('prefix');
    expect(classifyNeutralised('void-x@gmail.com', { prefix: 'void-' })).toBe('prefix');
    expect(classifyNeutralised('void-x@gmail.com', { prefix: 'bad@prefix' })).toBeNull();
    expect(classifyNeutralised('void-x@gmail.com', { prefix: '   ' })).toBeNull();
    expect(classifyNeutralised('x@gmail.com', neutral)).toBeNull();
    expect(classifyNeutralised('not an address', neutral)).toBeNull();
    expect(classifyNeutralised(42 as never)).toBeNull();
  });
});

describe('extra relay domains (merchant-defined)', () => {
  it('extend the catalogue at run time, with sub-domains, any case, an optional leading @', () => {
    expect(detectMarketplace('abc@relay.walmart.ca', {}, ['relay.walmart.ca'])).toEqual({ marketplace: 'custom', label: 'relay.walmart.ca', via: 'email', neutralised: null });
    expect(detectMarketplace('abc@eu.relay.walmart.ca', {}, ['@Relay.Walmart.CA '])?.marketplace).toBe('custom');
    expect(detectMarketplace('blacklisted-abc@relay.walmart.ca', {}, ['relay.walmart.ca'])?.neutralised).toBe('prefix');
    expect(detectMarketplace('abc@notrelay.walmart.ca', {}, ['relay.walmart.ca'])).toBeNull();
    expect(detectMarketplace('abc@relay.walmart.ca.evil.io', {}, ['relay.walmart.ca'])).toBeNull();
  });
  it('exclude generic sender names there too', () => {
    expect(detectMarketplace('noreply@relay.walmart.ca', {}, ['relay.walmart.ca'])).toBeNull();
  });
  it('never override the catalogue', () => {
    expect(detectMarketplace('abc@marketplace.amazon.com', {}, ['marketplace.amazon.com'])?.marketplace).toBe('amazon');
  });
  it('ignore invalid entries and non-lists', () => {
    expect(detectMarketplace('abc@relay.walmart.ca', {}, ['not a domain', 42 as never, '', 'relay.walmart.ca'])?.marketplace).toBe('custom');
    expect(detectMarketplace('abc@relay.walmart.ca', {}, 'relay.walmart.ca' as never)).toBeNull();
  });
});

describe('isRelayDomain, labels, helpers', () => {
  it.each([
    ['marketplace.amazon.com', true],
    ['MARKETPLACE.AMAZON.CO.UK', true],
    ['@members.ebay.de', true],
    ['m.marketplace.amazon.co.jp', true],
    ['us.notification.mirakl.net', true],
    ['g.shipping.temuemail.com', true],
    ['amazon.com', false],
    ['marketplace.amazon.com.evil.io', false],
    ['walmartone.com', false],
    ['mystore.com', false],
    ['not a domain', false],
    ['', false],
  ] as const)('isRelayDomain(%j) = %s', (domain, expected) => {
    expect(isRelayDomain(domain)).toBe(expected);
  });
  it('isRelayDomain knows extra domains and tolerates non-strings', () => {
    expect(isRelayDomain('relay.walmart.ca', ['relay.walmart.ca'])).toBe(true);
    expect(isRelayDomain('x.relay.walmart.ca', ['relay.walmart.ca'])).toBe(true);
    expect(isRelayDomain(null)).toBe(false);
    expect(isRelayDomain(42)).toBe(false);
  });
  it('MARKETPLACES maps ids to labels', () => {
    expect(MARKETPLACES.amazon).toBe('Amazon');
    expect(MARKETPLACES.ebay).toBe('eBay');
    expect(MARKETPLACES.etsy).toBe('Etsy');
    expect(MARKETPLACES[CUSTOM_MARKETPLACE]).toBe('Other marketplace');
    expect(marketplaceLabel('kaufland')).toBe('Kaufland');
    expect(marketplaceLabel('unknown-id')).toBe('unknown-id');
  });
  it('splitEmail and normaliseEmail', () => {
    expect(splitEmail('  Käufer@Bücher.DE ')).toEqual({ local: 'Käufer', domain: 'Bücher.DE', asciiDomain: 'xn--bcher-kva.de', address: 'Käufer@Bücher.DE' });
    expect(normaliseEmail('ABC@Marketplace.Amazon.COM')).toBe('abc@marketplace.amazon.com');
    expect(normaliseEmail('nope')).toBeNull();
    expect(splitEmail('abc@exa mple.com')).toBeNull();
    expect(splitEmail('abc@bü cher.de')).toBeNull();
    expect(splitEmail('abc@xn--.de')).toBeNull();
    expect(splitEmail('abc@例え.テスト')?.asciiDomain).toBe('xn--r8jz45g.xn--zckzah');
    expect(splitEmail('abc@\u00ad.com')).toBeNull(); // soft hyphen maps to nothing: empty label
    expect(splitEmail('abc@xn--zz.bü')).toBeNull(); // IDNA refuses it (invalid punycode)
    expect(splitEmail(`abc@${'ü'.repeat(60)}.${'ü'.repeat(60)}.${'ü'.repeat(60)}.${'ü'.repeat(60)}.de`)).toBeNull(); // > 253 once in ASCII
    const idn = `${'ü'.repeat(40)}.${'ü'.repeat(40)}.${'ü'.repeat(40)}.${'ü'.repeat(40)}.de`; // 166 written, 190 in ASCII
    expect(splitEmail(`${'a'.repeat(60)}@${idn}`)).not.toBeNull(); // 251 in ASCII
    expect(splitEmail(`${'a'.repeat(64)}@${idn}`)).toBeNull(); // 231 as written, but 255 in ASCII
    expect(isValidEmail('abc@marketplace.amazon.com')).toBe(true);
    expect(isValidEmail('abc@@marketplace.amazon.com')).toBe(false);
  });
  it('stripPrefixes removes repeated prefixes, longest first, but never leaves a bare dot', () => {
    expect(stripPrefixes('blacklisted-blacklisted-x', ['blacklisted-'])).toEqual({ base: 'x', prefixed: true });
    expect(stripPrefixes('blacklisted-x', ['blacklisted-', 'black'])).toEqual({ base: 'x', prefixed: true });
    expect(stripPrefixes('x', ['blacklisted-'])).toEqual({ base: 'x', prefixed: false });
    expect(stripPrefixes('blacklisted-.x', ['blacklisted-'])).toEqual({ base: 'blacklisted-.x', prefixed: false });
    expect(stripPrefixes('blacklisted-', ['blacklisted-', ''])).toEqual({ base: 'blacklisted-', prefixed: false });
  });
});
