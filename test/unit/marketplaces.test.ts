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
  type DetectionContext,
} from '../../lib/marketplaces';

type Row = [input: unknown, marketplace: string | null, neutralised?: 'prefix' | null];

// Positive: every marketplace, every documented region and local-part form, plus the rules' edges.
const POSITIVE: Row[] = [
  ['c4dc1kt7abtb7qr@marketplace.amazon.com', 'amazon'],
  ['C4DC1KT7ABTB7QR@MARKETPLACE.AMAZON.COM', 'amazon'],
  ['  c4dc1kt7abtb7qr@marketplace.amazon.com  ', 'amazon'],
  ['\tc4dc1kt7abtb7qr@marketplace.amazon.de\n', 'amazon'],
  ['ytt8pyk1hyvzp2p@marketplace.amazon.com', 'amazon'],
  ['6bmcx2l1t7cwrwb@marketplace.amazon.co.uk', 'amazon'],
  ['xvt5fsxb8ffxtkg@marketplace.amazon.de', 'amazon'],
  ['0fqqxc7r722f7fk@marketplace.amazon.fr', 'amazon'],
  ['cw3sd2sbxjqz7rm@marketplace.amazon.it', 'amazon'],
  ['wrmqqxtlynjf6kg@marketplace.amazon.es', 'amazon'],
  ['bcd1j3qq43q3jn8@marketplace.amazon.nl', 'amazon'],
  ['abcdefghijklmno@marketplace.amazon.se', 'amazon'],
  ['abcdefghijklmno@marketplace.amazon.pl', 'amazon'],
  ['bm11jdhs75yyts4@marketplace.amazon.com.be', 'amazon'],
  ['84s3v7g2w57y2z8@marketplace.amazon.ca', 'amazon'],
  ['b9h2fb3jc5m9lb2@marketplace.amazon.com.mx', 'amazon'],
  ['n340cj40yxfjsq4@marketplace.amazon.com.br', 'amazon'],
  ['ydtnb1t2gk9npt6@marketplace.amazon.co.jp', 'amazon'],
  ['q77l6xlf2zr6rzq@marketplace.amazon.com.au', 'amazon'],
  ['p3vkb18m93xc7lv@marketplace.amazon.in', 'amazon'],
  ['abc123@marketplace.amazon.com.tr', 'amazon'],
  ['someone@marketplace.amazon.eg', 'amazon'],
  // Regions with no public sample: the suffix rule covers them (unverified.json's "safe rule").
  ['abcdefghijklmno@marketplace.amazon.sg', 'amazon'],
  ['abcdefghijklmno@marketplace.amazon.ae', 'amazon'],
  ['abcdefghijklmno@marketplace.amazon.sa', 'amazon'],
  ['abcdefghijklmno@marketplace.amazon.ie', 'amazon'],
  ['abcdefghijklmno@marketplace.amazon.co.za', 'amazon'],
  ['l@m.marketplace.amazon.co.jp', 'amazon'],
  ['sz2y5ywh1qg1vhx+133a066e@marketplace.amazon.com', 'amazon'],
  ['v8gpmnpf6t5ypsd+A00135411ZI2YBJ2DU9VJ@marketplace.amazon.co.jp', 'amazon'],
  ['43vfy537czcw8nq+2a7e7298-1b2c-4d5e-8f90-123456789abc@marketplace.amazon.fr', 'amazon'],
  ['käufer@marketplace.amazon.de', 'amazon'],
  ['abc@ｍａｒｋｅｔｐｌａｃｅ.amazon.com', 'amazon'], // full-width letters: IDNA maps them, so mail goes to the relay
  ['abc@marketplace.amazon。com', 'amazon'], // ideographic full stop is a dot for IDNA
  ['noreply2@marketplace.amazon.com', 'amazon'], // only the exact sender names are excluded
  ['415b21349b3e42193d47@members.ebay.com', 'ebay'],
  ['12336671bddd5a9d6247@members.ebay.com', 'ebay'],
  ['paydro_jqwp5748pcfa@members.ebay.de', 'ebay'],
  ['tees55_lq3127sc@members.ebay.co.uk', 'ebay'],
  ['332757_grw6246uc@members.ebay.com', 'ebay'],
  ['abc@members.ebay.com.au', 'ebay'],
  ['relay@members.ebay.ca', 'ebay'],
  ['x@members.ebay.at', 'ebay'],
  ['abc@members.ebay.nl', 'ebay'],
  ['abc@members.ebay.fr', 'ebay'],
  ['abc@members.ebay.it', 'ebay'],
  ['abc@members.ebay.es', 'ebay'],
  ['abc@members.ebay.ch', 'ebay'],
  ['abc@members.ebay.be', 'ebay'],
  ['abc@members.ebay.ie', 'ebay'],
  ['abc@members.ebay.pl', 'ebay'],
  ['abc@members.ebay.com.hk', 'ebay'],
  ['abc@members.ebay.com.sg', 'ebay'],
  ['abc@members.ebay.com.my', 'ebay'],
  ['abc@members.ebay.ph', 'ebay'],
  ['abc+tag@members.ebay.de', 'ebay'],
  ['7D9F02968955480499C84C5871AD1401@relay.walmart.com', 'walmart'],
  ['257050e418f3443db6c22d63ebae015d@RELAY.WALMART.COM', 'walmart'],
  ['pc-3C93FAEC67834D5C9CFC023D2F0004BD@relay.walmart.com', 'walmart'],
  ['rk0idlx32ez.fznm52pke@notification.mirakl.net', 'mirakl'],
  ['rfmv5g4u9oo.mgex46ant@us.notification.mirakl.net', 'mirakl'],
  ['notification+ec1riop21ju4rfynl0helvzou.e0z0r7cj2@notification.mirakl.net', 'mirakl'],
  ['cauw31zq-e52f3c6c67e2@kaufland-marktplatz.de', 'kaufland'],
  ['kaeufer@kaufland-marktplatz.de', 'kaufland'],
  ['hamu7udk3p+17454c1b6@allegromail.pl', 'allegro'],
  ['yrw70vb0ex+571294497@allegromail.pl', 'allegro'],
  ['buyer+order@allegromail.com', 'allegro'],
  ['v4bD3UWHA2IKJMNEHXP4HGWFL2524@scs.tiktokw.us', 'tiktok'],
  ['v1@scs.tiktokw.eu', 'tiktok'],
  ['exlgz3lxqd1206d@u.shipping.temuemail.com', 'temu'],
  ['abc1234567890x@ul.shipping.temuemail.com', 'temu'],
  ['c7elpevujt1203d@us.shipping.temuemail.com', 'temu'],
  ['hwwiyhxnup130de@eul.shipping.temuemail.com', 'temu'],
  ['qsblabp3ak12066@g.shipping.temuemail.com', 'temu'],
  ['newregion123456@xx.shipping.temuemail.com', 'temu'],
  ['vstarck.hjlbtz@mail.mercadolibre.com', 'mercadolibre'],
  ['jalegre.sl0hmr+2-oge3dgmrqga2tgojy@mail.mercadolibre.com', 'mercadolibre'],
  ['abc.def123@mail.mercadolivre.com', 'mercadolibre'],
  ['rjimene.lzdltb+2-oge4dkojshaztknbt@mail.mercadolibre.com.mx', 'mercadolibre'],
  ['wangulo.3nygh3@mail.mercadolibre.com.ve', 'mercadolibre'],
  ['abc.def@mail.mercadolibre.cl', 'mercadolibre'],
  ['abc.def@mail.mercadolibre.com.ar', 'mercadolibre'],
  ['2z3cbzpwighb6czjl27qkukdv5p2gc@verkopen.bol.com', 'bol'],
  ['2wb3y4vqq667avck657zbhx2uevm7a@verkopen.test2.bol.com', 'bol'],
  ['gdv6l0viwo4l7j1d@marketplace.newegg.com', 'newegg'],
  ['cusa.q7zw1u4erbgt9e@marketplace.newegg.com', 'newegg'],
  ['anything@private-relay.reverb.com', 'reverb'],
  ['m_bcaddf4fgca@message.manomano.com', 'manomano'],
  ['abc@fw.rakuten.ne.jp', 'rakuten'],
  ['abc@pc.fw.rakuten.ne.jp', 'rakuten'],
  ['masked-email@seller.sears.com', 'sears'],
  ['123456@marketplace.fnac.com', 'fnac'],
  ['nocxemail@walmartone.com', 'walmart'],
  ['NoCxEmail@WalmartOne.com', 'walmart'],
];

const NEUTRALISED: Row[] = [
  ['blacklisted-c4dc1kt7abtb7qr@marketplace.amazon.com', 'amazon', 'prefix'],
  ['BLACKLISTED-c4dc1kt7abtb7qr@marketplace.amazon.com', 'amazon', 'prefix'],
  ['blacklisted-blacklisted-415b21349b3e42193d47@members.ebay.com', 'ebay', 'prefix'],
  ['blacklisted-7D9F02968955480499C84C5871AD1401@relay.walmart.com', 'walmart', 'prefix'],
  ['blacklisted-rk0idlx32ez.fznm52pke@notification.mirakl.net', 'mirakl', 'prefix'],
  ['blacklisted-hamu7udk3p+17454c1b6@allegromail.pl', 'allegro', 'prefix'],
  ['blacklisted-exlgz3lxqd1206d@u.shipping.temuemail.com', 'temu', 'prefix'],
  ['  Blacklisted-abc@members.ebay.de ', 'ebay', 'prefix'],
  ['blacklisted-@marketplace.amazon.com', 'amazon', null], // the prefix alone is a (strange) relay alias, not a prefixed one
  ['blacklisted-.x@marketplace.amazon.com', 'amazon', null], // ".x" is no address: not a prefixed form
  ['bounce-abc@marketplace.amazon.com', 'amazon', null], // not this store's prefix (see the context tests)
];

const NEGATIVE: Row[] = [
  // Look-alikes: a relay domain matches itself and its sub-domains only.
  ['x@marketplace.amazon.com.evil.io', null],
  ['x@marketplace.amazon.co.uk.evil.io', null],
  ['x@notmarketplace.amazon.com', null],
  ['x@marketplace-amazon.com', null],
  ['x@marketplace.amazon', null],
  ['x@marketplace.amazon.comm', null],
  ['x@marketplace.amazon.evil.com', null],
  ['x@amazon.marketplace.com', null],
  ['jeff@amazon.com', null],
  ['x@amazon.de', null],
  ['x@mаrketplace.amazon.com', null], // Cyrillic "а": a different domain (punycode), not Amazon's
  ['x@ebay.com', null],
  ['x@members-ebay.com', null],
  ['x@members.ebay.com.phish.net', null],
  ['x@ebay.members.com', null],
  ['x@relay.walmart.com.evil.io', null],
  ['x@notrelay.walmart.com', null],
  ['x@walmart.com', null],
  ['x@walmartone.com', null],
  ['x@mirakl.net', null],
  ['x@notification.mirakl.net.evil.io', null],
  ['x@kaufland.de', null],
  ['x@allegro.pl', null],
  ['x@news.temuemail.com', null],
  ['x@eu.temuemail.com', null],
  ['x@temuemail.com', null],
  ['x@tiktok.com', null],
  ['x@bol.com', null],
  ['x@mercadolibre.com', null],
  ['x@reverb.com', null],
  ['x@manomano.fr', null],
  ['x@rakuten.co.jp', null],
  ['x@sears.com', null],
  ['x@fnac.com', null],
  ['x@etsy.com', null],
  ['x@relay.walmart.ca', null], // unverified: only as a merchant extra domain
  ['jane@gmail.com', null],
  ['jane+shop@gmail.com', null],
  ['marketplace.amazon.com@gmail.com', null],
  ['blacklisted-jane@gmail.com', null],
  ['käufer@bücher.de', null],
  ['abc@xn--bcher-kva.de', null],
  // The marketplaces' own senders on relay domains are not buyers.
  ['noreply@marketplace.amazon.co.uk', null],
  ['NoReply@marketplace.amazon.com', null],
  ['no-reply@members.ebay.de', null],
  ['donotreply@relay.walmart.com', null],
  ['do-not-reply@notification.mirakl.net', null],
  ['noreply@kaufland-marktplatz.de', null],
  ['powiadomienia@allegromail.pl', null],
  ['ertesitesek@allegromail.com', null],
  ['powiadomienia@allegromail.com', null],
  ['noreply@verkopen.bol.com', null],
  ['mailer-daemon@marketplace.amazon.de', null],
  ['postmaster@members.ebay.com', null],
  ['blacklisted-noreply@marketplace.amazon.com', null],
  // Malformed: never an address, never a throw.
  ['', null],
  ['   ', null],
  ['no-at-sign', null],
  ['marketplace.amazon.com', null],
  ['two@@marketplace.amazon.com', null],
  ['a@b@marketplace.amazon.com', null],
  ['x@marketplace.amazon.com@evil.io', null],
  ['@marketplace.amazon.com', null],
  ['abc@', null],
  ['ab c@marketplace.amazon.com', null],
  ['abc@market place.amazon.com', null],
  ['abc@marketplace.amazon.com extra', null],
  ['Jane <abc@marketplace.amazon.com>', null],
  ['<abc@marketplace.amazon.com>', null],
  ['"abc"@marketplace.amazon.com', null],
  ['.abc@marketplace.amazon.com', null],
  ['abc.@marketplace.amazon.com', null],
  ['a..b@marketplace.amazon.com', null],
  ['abc@-marketplace.amazon.com', null],
  ['abc@marketplace..amazon.com', null],
  ['abc@marketplace.amazon.com.', null],
  ['abc@[127.0.0.1]', null],
  ['abc@127.0.0.1', null],
  ['abc@localhost', null],
  ['abc@marketplace.amazon.com/path', null],
  ['abc\u0000@marketplace.amazon.com', null],
  ['abc@marketplace.amazon.com\u0007', null],
  [`${'a'.repeat(65)}@marketplace.amazon.com`, null],
  [`${'a'.repeat(60)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(45)}.marketplace.amazon.com`, null], // 257 characters
  [`${'a'.repeat(250)}@marketplace.amazon.com`, null],
  [`abc@${'x'.repeat(64)}.com`, null],
  [null, null],
  [undefined, null],
  [42, null],
  [true, null],
  [{}, null],
  [[], null],
  [['x@marketplace.amazon.com'], null],
  [{ toString: () => 'x@marketplace.amazon.com' }, null],
  [Symbol('x@marketplace.amazon.com'), null],
];

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
  const cases: [string, unknown, DetectionContext, string | null, 'email' | 'channel' | 'tag' | null, string | null][] = [
    ['Etsy by source name', 'jane@gmail.com', { sourceName: 'etsy' }, 'etsy', 'channel', null],
    ['Etsy by channel', 'jane@gmail.com', { channel: 'Etsy' }, 'etsy', 'channel', null],
    ['Etsy by app name', 'jane@gmail.com', { appName: 'Etsy Marketplace Integration' }, 'etsy', 'channel', null],
    ['Etsy by tag', 'jane@gmail.com', { tags: ['VIP', 'Etsy'] }, 'etsy', 'tag', null],
    ['Etsy by a tag ending with the name', 'jane@gmail.com', { tags: ['Imported from Etsy'] }, 'etsy', 'tag', null],
    ['Etsy with no email: stripped', null, { sourceName: 'etsy' }, 'etsy', 'channel', 'stripped'],
    ['Etsy with a blank email: stripped', '  ', { channel: 'Etsy' }, 'etsy', 'channel', 'stripped'],
    ['Etsy with a prefixed real address', 'blacklisted-jane@gmail.com', { sourceName: 'etsy' }, 'etsy', 'channel', 'prefix'],
    ['Etsy with a malformed email is still an Etsy order', 'not an email', { sourceName: 'etsy' }, 'etsy', 'channel', null],
    ['a word inside a tag does not count', 'jane@gmail.com', { tags: ['setsy', 'etsyorder', 'my etsy shop notes'] }, null, null, null],
    ['TikTok order id tag', 'jane@gmail.com', { tags: ['TikTokOrderID:576466'] }, 'tiktok', 'tag', null],
    ['TikTok "Shipped by" tag', 'jane@gmail.com', { tags: ['Shipped by TikTok'] }, 'tiktok', 'tag', null],
    ['Amazon tag with a suffix', 'jane@gmail.com', { tags: ['amazon-fba'] }, 'amazon', 'tag', null],
    ['eBay site tag', 'jane@gmail.com', { tags: ['ebay-uk'] }, 'ebay', 'tag', null],
    ['Etsy order-number tag', 'jane@gmail.com', { tags: ['Etsy #3141592653'] }, 'etsy', 'tag', null],
    ['"Etsy order" tag', 'jane@gmail.com', { tags: ['Etsy Order'] }, 'etsy', 'tag', null],
    ['a product word that is also a marketplace is not a marketplace tag', 'jane@gmail.com', { tags: ['reverb pedals', 'temu style gift'] }, null, null, null],
    ['a tag naming the marketplace after other words', 'jane@gmail.com', { tags: ['gift from amazon wishlist', 'not from ebay'] }, null, null, null],
    ['a marketplace named anywhere in a channel or app name still counts', 'jane@gmail.com', { appName: 'Marketplace Connect for Reverb and more' }, 'reverb', 'channel', null],
    ['OTTO by its exact channel name', 'jane@gmail.com', { channel: 'OTTO' }, 'otto', 'channel', null],
    ['OTTO Market by channel', 'jane@gmail.com', { channel: 'Otto Market' }, 'otto', 'channel', null],
    ['"otto" inside other words is not OTTO', 'jane@gmail.com', { tags: ['otto pezzi'], channel: 'Casa otto e mezzo' }, null, null, null],
    ['Cdiscount by app', 'jane@gmail.com', { appName: 'Cdiscount Connector' }, 'cdiscount', 'channel', null],
    ['real.de (accents, punctuation) is Kaufland', 'jane@gmail.com', { channel: 'Réal.de' }, 'kaufland', 'channel', null],
    ['bol.com by channel', 'jane@gmail.com', { channel: 'bol.com' }, 'bol', 'channel', null],
    ['Mirakl alias + MediaMarkt channel', 'rk0idlx32ez.fznm52pke@notification.mirakl.net', { channel: 'MediaMarkt DE' }, 'mediamarkt', 'email', null],
    ['Mirakl alias + Leroy Merlin channel', 'rk0idlx32ez.fznm52pke@notification.mirakl.net', { appName: 'Mirakl Connector', channel: 'Leroy Merlin' }, 'leroymerlin', 'email', null],
    ['Mirakl alias + Decathlon tag', 'rk0idlx32ez.fznm52pke@notification.mirakl.net', { tags: ['Decathlon'] }, 'decathlon', 'email', null],
    ['Mirakl alias + "Saturn" channel', 'rk0idlx32ez.fznm52pke@notification.mirakl.net', { channel: 'Saturn' }, 'mediamarkt', 'email', null],
    ['Mirakl alias without an operator', 'rk0idlx32ez.fznm52pke@notification.mirakl.net', { channel: 'Mirakl' }, 'mirakl', 'email', null],
    ['prefixed Mirakl alias + Carrefour', 'blacklisted-rk0idlx32ez.fznm52pke@notification.mirakl.net', { channel: 'Carrefour' }, 'carrefour', 'email', 'prefix'],
    ['Mirakl operator by channel alone', null, { channel: 'Carrefour' }, 'carrefour', 'channel', 'stripped'],
    ['the email wins over the channel', 'c4dc1kt7abtb7qr@marketplace.amazon.com', { channel: 'eBay' }, 'amazon', 'email', null],
    ['an operator name means nothing on a non-Mirakl relay', 'c4dc1kt7abtb7qr@marketplace.amazon.com', { channel: 'Darty' }, 'amazon', 'email', null],
    ['fields before tags', 'jane@gmail.com', { channel: 'Amazon', tags: ['eBay'] }, 'amazon', 'channel', null],
    ['tags when fields say nothing', 'jane@gmail.com', { sourceName: 'web', tags: ['eBay'] }, 'ebay', 'tag', null],
    ['an ordinary web order', 'jane@gmail.com', { sourceName: 'web', channel: 'Online Store', tags: ['VIP'] }, null, null, null],
    ['a store prefix is recognised', 'bounce-abc@marketplace.amazon.com', { neutral: { prefix: 'bounce-' } }, 'amazon', 'email', 'prefix'],
    ['garbage context fields are ignored', 'jane@gmail.com', { sourceName: 42 as never, tags: [null, 7, 'Etsy'] as never }, 'etsy', 'tag', null],
    ['tags that are not a list are ignored', 'jane@gmail.com', { tags: 'Etsy' as never }, null, null, null],
  ];
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
  const neutral = { prefix: 'blacklisted-', domain: 'MyStore.com', fixedEmail: 'Orders@MyStore.com' };
  const original = 'c4dc1kt7abtb7qr@marketplace.amazon.com';
  const cases: [string, unknown, DetectionContext, string | null, 'email' | 'channel' | 'tag' | null, string | null][] = [
    ['domain swap, known original', 'c4dc1kt7abtb7qr@mystore.com', { originalEmail: original, neutral }, 'amazon', 'email', 'domain'],
    ['order-id at the store domain, Amazon channel', '114-3941689-8772232@mystore.com', { sourceName: 'amazon', neutral }, 'amazon', 'channel', 'domain'],
    ['fixed address (case-insensitive)', 'orders@mystore.com', { originalEmail: original, neutral }, 'amazon', 'email', 'fixed'],
    ['stripped (null)', null, { originalEmail: original, neutral }, 'amazon', 'email', 'stripped'],
    ['stripped (empty string)', '', { originalEmail: original }, 'amazon', 'email', 'stripped'],
    ['original of a Mirakl operator', null, { originalEmail: 'rk0idlx32ez.fznm52pke@notification.mirakl.net', channel: 'Darty' }, 'darty', 'email', 'stripped'],
    ['original on an extra domain', null, { originalEmail: 'abc@relay.walmart.ca' }, null, null, null],
    ['changed to some other address: still flagged, not neutralised', 'jane@gmail.com', { originalEmail: original, neutral }, 'amazon', 'email', null],
    ['a malformed original is ignored', 'jane@gmail.com', { originalEmail: 'not an address' }, null, null, null],
    ['our domain without any marketplace sign is an ordinary order', 'abc@mystore.com', { neutral }, null, null, null],
  ];
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
