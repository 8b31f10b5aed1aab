/**
 * The Shopify Flow code must decide exactly what the extension decides. It is run in a sandbox
 * (no URL, no console: as bare as Flow's engine may be, and once more with URL) over the held
 * address tables and the fast-check generators, and compared with detectMarketplace, rewriteEmail
 * and the bulk scan's classifier on every case, for every strategy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFlowWorkflow, flowVersion } from '../../lib/flow';
import { detectMarketplace } from '../../lib/marketplaces';
import { rewriteEmail, type Strategy } from '../../lib/rewrite';
import { defaultSettings, type StoreSettings } from '../../lib/settings';
import { classifierFromSettings } from '../../lib/bulk/classify';
import type { ScannedOrder } from '../../lib/bulk/types';
import { compileRunCode } from '../fake-admin-api/flow-sandbox';
import { anyAddress, messyInput, orderId, relayAddress, strategy } from './address-arbitraries';
import { CONTEXT_CASES, NEGATIVE, NEUTRALISED, POSITIVE, STORE_NEUTRALISED_CASES } from './address-tables';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 300) };
// Thousands of sandbox calls per test: seconds alone, more beside the rest of the suite on two cores.
const HEAVY = 120_000;
const plain = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

const settings = (patch: Partial<StoreSettings>): StoreSettings => ({ ...defaultSettings(), ...patch });

/** One store per strategy, plus overrides and extra domains, so every branch of the code is compiled in. */
const STORES: [string, StoreSettings][] = [
  ['strip (default)', defaultSettings()],
  ['keep', settings({ defaultStrategy: 'keep' })],
  ['fixed', settings({ defaultStrategy: 'fixed', fixedEmail: 'Orders@MyStore.com' })],
  ['domain', settings({ defaultStrategy: 'domain', domain: 'mystore.com' })],
  ['domain + order id', settings({ defaultStrategy: 'domain', domain: '@MyStore.com', domainLocalPart: 'order-id' })],
  ['prefix (default)', settings({ defaultStrategy: 'prefix' })],
  ['prefix (store prefix)', settings({ defaultStrategy: 'prefix', prefix: 'bounce-' })],
  ['IDN domain', settings({ defaultStrategy: 'domain', domain: 'Bücher.de' })],
  // The shop's own domains, read at connect: a connector's address there is already neutral.
  ['shop domains', settings({ shopDomains: ['mystore.com', 'xn--bcher-kva.de', 'shop.example.com'] })],
  [
    'overrides + extra domains',
    settings({ defaultStrategy: 'domain', domain: 'mystore.com', fixedEmail: 'orders@mystore.com', overrides: { etsy: 'keep', ebay: 'prefix', walmart: 'fixed', custom: 'strip' }, extraDomains: ['relay.walmart.ca', '@Mp.Laredoute-Marketplace.FR'] }),
  ],
];

/** Every strategy object the rewrite tests use, valid and not. */
const STRATEGIES: unknown[] = [
  { kind: 'keep' },
  { kind: 'strip' },
  { kind: 'fixed', email: 'orders@mystore.com' },
  { kind: 'fixed', email: 'Orders@Bücher.de' },
  { kind: 'domain', domain: 'mystore.com' },
  { kind: 'domain', domain: 'mystore.com', localPart: 'order-id' },
  { kind: 'domain', domain: 'Bücher.de' },
  { kind: 'prefix' },
  { kind: 'prefix', prefix: 'bounce-' },
  { kind: 'prefix', prefix: 'black' },
  null,
  'strip',
  { kind: 'delete' },
  { kind: 'domain', domain: 'mystore.com', localPart: 'random' },
  { kind: 'domain' },
  { kind: 'domain', domain: '  ' },
  { kind: 'domain', domain: 'my store.com' },
  { kind: 'domain', domain: 'mystore' },
  { kind: 'domain', domain: 'marketplace.amazon.de' },
  { kind: 'domain', domain: 'x.members.ebay.com' },
  { kind: 'domain', domain: 'relay.walmart.ca' },
  { kind: 'domain', domain: `${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(63)}.com`, localPart: 'order-id' },
  { kind: 'fixed' },
  { kind: 'fixed', email: 'orders at mystore.com' },
  { kind: 'fixed', email: 'abc@members.ebay.de' },
  { kind: 'fixed', email: 'abc@relay.walmart.ca' },
  { kind: 'prefix', prefix: '' },
  { kind: 'prefix', prefix: 'x@' },
  { kind: 'prefix', prefix: '.x-' },
  { kind: 'prefix', prefix: 'x'.repeat(31) },
  { kind: 'prefix', prefix: 7 },
];
const FACTS = [undefined, {}, { orderId: '114-3941689-8772232' }, { orderId: '###' }, { orderId: '1'.repeat(65) }, { extraDomains: ['relay.walmart.ca'] }];

const ROWS = [...POSITIVE, ...NEUTRALISED, ...NEGATIVE];
// Rows a JSON order can carry: Flow hands the code JSON, so symbols and functions never reach it.
const EMAILS = ROWS.map((row) => row[0]).filter((e) => e === null || typeof e === 'string');
const IDN_EMAILS = ['käufer@bücher.de', 'abc@例え.テスト', 'abc@\u00ad.com', 'Käufer@Bücher.DE', `${'a'.repeat(60)}@${'ü'.repeat(40)}.${'ü'.repeat(40)}.${'ü'.repeat(40)}.${'ü'.repeat(40)}.de`, `${'a'.repeat(64)}@${'ü'.repeat(40)}.${'ü'.repeat(40)}.${'ü'.repeat(40)}.${'ü'.repeat(40)}.de`];

function libVerdict(store: StoreSettings, order: ScannedOrder) {
  const c = classifierFromSettings(store)(order);
  const change = c.cls === 'relay' && !c.error && c.strategy?.kind !== 'keep';
  return { change, email: change ? (c.proposed ?? '') : '', marketplace: c.marketplace ?? '', error: c.error?.code ?? null };
}

const flowInput = (order: ScannedOrder) => ({
  order: {
    id: 'gid://shopify/Order/1',
    email: order.email,
    sourceName: order.sourceName,
    sourceIdentifier: order.sourceIdentifier,
    tags: order.tags,
    app: order.appName === null ? null : { name: order.appName },
    channelInformation: order.channelName === null ? null : { channelDefinition: { channelName: order.channelName } },
    ...(order.originalEmail ? { originalEmail: { value: order.originalEmail } } : {}),
  },
});

function scanned(email: string | null, context: { sourceName?: unknown; channel?: unknown; appName?: unknown; tags?: unknown; originalEmail?: unknown } = {}, sourceIdentifier: string | null = null): ScannedOrder {
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: '1',
    name: '#1001',
    createdAt: '2026-11-01T00:00:00Z',
    email,
    sourceName: str(context.sourceName),
    sourceIdentifier,
    channelName: str(context.channel),
    appName: str(context.appName),
    tags: Array.isArray(context.tags) ? context.tags.filter((t): t is string => typeof t === 'string') : [],
    displayFulfillmentStatus: 'UNFULFILLED',
    customer: null,
    originalEmail: str(context.originalEmail),
  };
}

const ORDERS: ScannedOrder[] = [
  ...EMAILS.map((e) => scanned(e as string | null)),
  ...EMAILS.map((e) => scanned(e as string | null, { sourceName: 'amazon', tags: ['Etsy'] }, '114-3941689-8772232')),
  ...[...CONTEXT_CASES, ...STORE_NEUTRALISED_CASES].map(([, email, context]) => scanned(typeof email === 'string' ? email : null, context, '302-1234567-7654321')),
  ...IDN_EMAILS.map((e) => scanned(e)),
  scanned('abc@relay.walmart.ca'),
  scanned('abc@eu.relay.walmart.ca', { tags: ['walmart'] }),
  scanned('x@mp.laredoute-marketplace.fr'),
  scanned('noreply@relay.walmart.ca'),
  // An Etsy buyer's own address: fixed (another address now), and undone (the recorded original again).
  scanned('buyer@gmail.com', { channel: 'Etsy', originalEmail: 'buyer@gmail.com' }),
  scanned(' Buyer@GMAIL.com', { channel: 'Etsy', originalEmail: 'buyer@gmail.com' }),
  scanned('someone.else@gmail.com', { channel: 'Etsy', originalEmail: 'buyer@gmail.com' }),
  scanned('not an address', { channel: 'Etsy', originalEmail: 'not an address' }),
];

describe('an undone fix is exposed again (the original stays recorded after undo)', () => {
  it('an Etsy order back on its recorded original is relay; on another address it is our earlier fix', () => {
    const classify = classifierFromSettings(defaultSettings());
    expect(classify(scanned('buyer@gmail.com', { channel: 'Etsy', originalEmail: 'buyer@gmail.com' }))).toMatchObject({ cls: 'relay', marketplace: 'etsy', proposed: null });
    expect(classify(scanned('Buyer@Gmail.com', { channel: 'Etsy', originalEmail: 'buyer@gmail.com' }))).toMatchObject({ cls: 'relay', marketplace: 'etsy' });
    expect(classify(scanned('someone.else@gmail.com', { channel: 'Etsy', originalEmail: 'buyer@gmail.com' }))).toMatchObject({ cls: 'neutralised' });
    // A relay address back after undo was never in doubt: it is a relay address.
    expect(classify(scanned('abc1121212@marketplace.amazon.com', { originalEmail: 'abc1121212@marketplace.amazon.com' }))).toMatchObject({ cls: 'relay', marketplace: 'amazon' });
  });
});

describe.each([
  ['without URL (bare engine)', false],
  ['with URL', true],
] as const)('Flow code %s', (_label, withUrl) => {
  it.each(STORES)('%s: main() gives the bulk classifier\'s verdict on every held order', (_name, store) => {
    const code = compileRunCode(buildFlowWorkflow(store).code, { withUrl });
    expect(ORDERS.length).toBeGreaterThan(400);
    for (const order of ORDERS) {
      const expected = libVerdict(store, order);
      const { output } = code.run(flowInput(order));
      const out = output as { change: boolean; email: string; marketplace: string; reason: string; version: string; original: string };
      const got = { change: out.change, email: out.email, marketplace: out.marketplace, error: expected.error === null ? null : out.reason };
      expect(got, JSON.stringify(order)).toEqual(expected);
      expect(out.version).toBe(flowVersion(store));
      if (out.change) expect(out.original).toBe(order.email);
    }
  }, HEAVY);

  it('detectMarketplace agrees on every table row, context case and extra domain', () => {
    const ctx = compileRunCode(buildFlowWorkflow(defaultSettings()).code, { withUrl }).shared();
    for (const [input] of ROWS) expect(plain(ctx.detectMarketplace!(input)), String(typeof input === 'symbol' ? 'symbol' : JSON.stringify(input))).toEqual(plain(detectMarketplace(input as string)));
    for (const [name, email, context] of [...CONTEXT_CASES, ...STORE_NEUTRALISED_CASES]) expect(plain(ctx.detectMarketplace!(email, context)), name).toEqual(plain(detectMarketplace(email as string, context)));
    for (const email of [...EMAILS, ...IDN_EMAILS, 'abc@relay.walmart.ca', 'abc@eu.relay.walmart.ca', 'noreply@relay.walmart.ca']) {
      for (const extras of [['relay.walmart.ca'], ['@Relay.Walmart.CA '], ['not a domain', 42, '', 'relay.walmart.ca'], 'relay.walmart.ca', ['bücher.de']]) {
        expect(plain(ctx.detectMarketplace!(email, {}, extras)), `${email} ${JSON.stringify(extras)}`).toEqual(plain(detectMarketplace(email, {}, extras as string[])));
      }
    }
    const hostile = { get tags(): string[] { throw new Error('boom'); } };
    expect(ctx.detectMarketplace!('jane@gmail.com', hostile)).toBeNull();
  }, HEAVY);

  it('rewriteEmail agrees on every table row × every strategy (valid and not) × order facts', () => {
    const ctx = compileRunCode(buildFlowWorkflow(defaultSettings()).code, { withUrl }).shared();
    let compared = 0;
    for (const email of [...EMAILS, ...IDN_EMAILS, undefined, '   ', 42]) {
      for (const s of STRATEGIES) {
        for (const facts of FACTS) {
          const lib = rewriteEmail(email as string, s as Strategy, facts);
          const ours = plain(ctx.rewriteEmail!(email, s, facts)) as Record<string, unknown>;
          const expected = lib.ok ? lib : { ok: false, code: lib.code };
          expect(ours, `${JSON.stringify(email)} ${JSON.stringify(s)} ${JSON.stringify(facts)}`).toEqual(expected);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(30_000);
  }, HEAVY);

  it('fast-check: the same laws\' inputs give the same detection and the same rewrite', () => {
    const ctx = compileRunCode(buildFlowWorkflow(defaultSettings()).code, { withUrl }).shared();
    fc.assert(
      fc.property(messyInput, strategy, orderId, (email, s, id) => {
        const lib = rewriteEmail(email, s, { orderId: id });
        expect(plain(ctx.rewriteEmail!(email, s, { orderId: id }))).toEqual(lib.ok ? lib : { ok: false, code: lib.code });
        expect(plain(ctx.detectMarketplace!(email, { neutral: s.kind === 'prefix' ? { prefix: s.prefix } : undefined }))).toEqual(plain(detectMarketplace(email, { neutral: s.kind === 'prefix' ? { prefix: s.prefix } : undefined })));
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.oneof(relayAddress, anyAddress), fc.string(), fc.array(fc.string(), { maxLength: 3 }), (email, source, tags) => {
        const context = { sourceName: source, tags };
        expect(plain(ctx.detectMarketplace!(email, context))).toEqual(plain(detectMarketplace(email, context)));
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (value, context) => {
        expect(plain(ctx.detectMarketplace!(value, context))).toEqual(plain(detectMarketplace(value as string, context as never)));
      }),
      RUNS,
    );
  }, HEAVY);
});

describe('the generated code', () => {
  it('is one dependency-free module: no import, require, fetch, eval or URL needed', () => {
    const { code } = buildFlowWorkflow(defaultSettings());
    expect(code.match(/^export default function main\(input\)/gm)).toHaveLength(1);
    expect(code).not.toMatch(/^\s*import[\s{*]|\bimport\(|\brequire\(|\bfetch\(|\beval\(|new Function|\bprocess\.|\bglobalThis\b/m);
  });

  it('changes (and so does its version) when a setting or the catalogue data it carries changes, and only then', () => {
    const base = defaultSettings();
    expect(buildFlowWorkflow(base).code).toBe(buildFlowWorkflow(defaultSettings()).code);
    const versions = new Set([
      flowVersion(base),
      flowVersion({ ...base, defaultStrategy: 'prefix' }),
      flowVersion({ ...base, prefix: 'bounce-' }),
      flowVersion({ ...base, overrides: { etsy: 'keep' } }),
      flowVersion({ ...base, extraDomains: ['relay.walmart.ca'] }),
      flowVersion({ ...base, domain: 'mystore.com' }),
    ]);
    expect(versions.size).toBe(6);
    expect(flowVersion({ ...base, guardEnabled: false, updateCustomer: true })).toBe(flowVersion(base));
  });
});
