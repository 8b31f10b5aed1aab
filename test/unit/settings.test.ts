import { WRITE_CHECKS } from '../../lib/extra-domains';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { REWRITE_ERRORS, rewriteEmail } from '../../lib/rewrite';
import {
  SETTINGS_VERSION,
  defaultSettings,
  exportSettings,
  migrateSettings,
  neutralForms,
  normaliseAutoProtect,
  parseImportedSettings,
  problemAsError,
  strategyFor,
  validateSettings,
  type StoreSettings,
} from '../../lib/settings';

const withSettings = (patch: Partial<StoreSettings>): StoreSettings => ({ ...defaultSettings(), ...patch });

describe('defaults', () => {
  it('strip is recommended, the guard is on, customers are left alone, prefix blacklisted-', () => {
    expect(defaultSettings()).toEqual({
      version: SETTINGS_VERSION,
      defaultStrategy: 'strip',
      domain: '',
      domainLocalPart: 'keep',
      fixedEmail: '',
      prefix: 'blacklisted-',
      overrides: {},
      updateCustomer: false,
      guardEnabled: true,
      extraDomains: [],
      autoProtect: false,
      autoProtectSince: null,
      shopDomains: [],
    });
    expect(validateSettings(defaultSettings())).toEqual([]);
  });
  it('automatic protection: off by default; the switch-on time is set when on, cleared when off, never exported', () => {
    const now = new Date('2026-11-20T09:00:00.000Z');
    const on = normaliseAutoProtect({ ...defaultSettings(), autoProtect: true }, now);
    expect(on.autoProtectSince).toBe(now.toISOString());
    expect(normaliseAutoProtect(on, new Date('2026-12-01T00:00:00Z')).autoProtectSince).toBe(now.toISOString());
    expect(normaliseAutoProtect({ ...on, autoProtect: false }, now).autoProtectSince).toBeNull();
    expect(migrateSettings({ ...on, autoProtectSince: 'not a date' }).autoProtectSince).toBeNull();
    expect(JSON.parse(exportSettings(on)).settings).toMatchObject({ autoProtect: true, autoProtectSince: null });
  });
  it('returns a fresh object each time', () => {
    const a = defaultSettings();
    a.overrides.ebay = 'keep';
    expect(defaultSettings().overrides).toEqual({});
  });
});

describe('strategyFor', () => {
  const settings = withSettings({ domain: 'mystore.com', fixedEmail: 'orders@mystore.com', prefix: 'bounce-', domainLocalPart: 'order-id', overrides: { etsy: 'keep', ebay: 'prefix', walmart: 'fixed', amazon: 'domain' } });
  it.each([
    [undefined, { kind: 'strip' }],
    [null, { kind: 'strip' }],
    ['kaufland', { kind: 'strip' }],
    ['etsy', { kind: 'keep' }],
    ['ebay', { kind: 'prefix', prefix: 'bounce-' }],
    ['walmart', { kind: 'fixed', email: 'orders@mystore.com' }],
    ['amazon', { kind: 'domain', domain: 'mystore.com', localPart: 'order-id' }],
  ] as const)('%s → %j', (id, strategy) => {
    expect(strategyFor(settings, id)).toEqual(strategy);
  });
  it('follows the default strategy for marketplaces without an override', () => {
    expect(strategyFor(withSettings({ defaultStrategy: 'keep' }), 'amazon')).toEqual({ kind: 'keep' });
  });
  it('neutralForms tells detection what this store writes', () => {
    expect(neutralForms(settings)).toEqual({ prefix: 'bounce-', domain: 'mystore.com', fixedEmail: 'orders@mystore.com', shopDomains: [] });
  });
});

describe('validateSettings: field-level problems with the same codes and sentences as rewriteEmail', () => {
  it.each([
    ['domain strategy without a domain', { defaultStrategy: 'domain' }, 'domain', 'domain_missing'],
    ['domain override without a domain', { overrides: { amazon: 'domain' } }, 'domain', 'domain_missing'],
    ['domain with spaces', { domain: 'my store.com' }, 'domain', 'domain_invalid'],
    ['domain with no dot', { defaultStrategy: 'domain', domain: 'mystore' }, 'domain', 'domain_invalid'],
    ['domain is a relay', { domain: 'members.ebay.de' }, 'domain', 'domain_is_relay'],
    ['domain is one of the extra relay domains', { domain: 'relay.walmart.ca', extraDomains: ['relay.walmart.ca'] }, 'domain', 'domain_is_relay'],
    ['fixed strategy without an address', { defaultStrategy: 'fixed' }, 'fixedEmail', 'fixed_missing'],
    ['fixed address not an address', { fixedEmail: 'orders(at)mystore.com' }, 'fixedEmail', 'fixed_invalid'],
    ['fixed address on a relay', { overrides: { ebay: 'fixed' }, fixedEmail: 'x@marketplace.amazon.de' }, 'fixedEmail', 'fixed_is_relay'],
    ['prefix with a space', { prefix: 'black listed' }, 'prefix', 'prefix_invalid'],
    ['prefix empty', { prefix: '' }, 'prefix', 'prefix_invalid'],
    ['an extra domain that is not one', { extraDomains: ['relay.example.com', 'not a domain'] }, 'extraDomains.1', 'extra_domain_invalid'],
    ['an override for an unknown marketplace', { overrides: { nosuchplace: 'keep' } }, 'overrides.nosuchplace', 'override_unknown_marketplace'],
    ['an override keyed "constructor" (in every object, not a marketplace)', { overrides: { constructor: 'keep' } }, 'overrides.constructor', 'override_unknown_marketplace'],
    ['an override keyed "toString"', { overrides: { toString: 'strip' } }, 'overrides.toString', 'override_unknown_marketplace'],
    ['extra domain co.uk (a public suffix)', { extraDomains: ['co.uk'] }, 'extraDomains.0', 'extra_domain_public_suffix'],
    ['extra domain com.au (a public suffix)', { extraDomains: ['relay.example.com', '@com.au'] }, 'extraDomains.1', 'extra_domain_public_suffix'],
    ['extra domain github.io (a private public suffix)', { extraDomains: ['github.io'] }, 'extraDomains.0', 'extra_domain_public_suffix'],
    ['extra domain gmail.com (a consumer mail provider)', { extraDomains: ['gmail.com'] }, 'extraDomains.0', 'extra_domain_mail_provider'],
    ['extra domain outlook.com', { extraDomains: ['Outlook.com'] }, 'extraDomains.0', 'extra_domain_mail_provider'],
    ['extra domain web.de', { extraDomains: ['web.de'] }, 'extraDomains.0', 'extra_domain_mail_provider'],
    ['extra domain orange.fr', { extraDomains: ['orange.fr'] }, 'extraDomains.0', 'extra_domain_mail_provider'],
    ['extra domain yahoo.co.uk (the provider under another ending)', { extraDomains: ['yahoo.co.uk'] }, 'extraDomains.0', 'extra_domain_mail_provider'],
    ['extra domain under a provider (mail.gmail.com)', { extraDomains: ['mail.gmail.com'] }, 'extraDomains.0', 'extra_domain_mail_provider'],
  ] as [string, Partial<StoreSettings>, string, string][])('%s', (_name, patch, field, code) => {
    const problems = validateSettings(withSettings(patch), WRITE_CHECKS);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field, code });
    expect((en as Record<string, unknown>)[`err_${code}`], code).toBeDefined();
  });

  it('uses exactly the sentence rewriteEmail gives for the same mistake', () => {
    const [problem] = validateSettings(withSettings({ defaultStrategy: 'domain', domain: 'marketplace.amazon.fr' }));
    const rewrite = rewriteEmail('a@members.ebay.de', { kind: 'domain', domain: 'marketplace.amazon.fr' });
    expect(rewrite.ok).toBe(false);
    expect(problem!.message).toBe(REWRITE_ERRORS.domain_is_relay);
    expect(rewrite).toMatchObject({ code: problem!.code, message: problem!.message });
  });

  it('reports every problem at once', () => {
    const problems = validateSettings(withSettings({ defaultStrategy: 'domain', overrides: { ebay: 'fixed' }, prefix: '@' }));
    expect(problems.map((p) => p.field).sort()).toEqual(['domain', 'fixedEmail', 'prefix']);
  });

  it('accepts complete, sensible settings', () => {
    expect(
      validateSettings(withSettings({ defaultStrategy: 'domain', domain: '@MyStore.com', fixedEmail: 'orders@mystore.com', overrides: { etsy: 'keep', custom: 'prefix' }, extraDomains: ['relay.walmart.ca'] })),
    ).toEqual([]);
  });
});

describe('migrateSettings: anything in, valid settings out', () => {
  it.each([null, undefined, 'garbage', 42, true, [], [1, 2]])('%j → defaults', (input) => {
    expect(migrateSettings(input)).toEqual(defaultSettings());
  });

  it('keeps a current version as it is', () => {
    const current = withSettings({ defaultStrategy: 'prefix', domain: 'mystore.com', overrides: { etsy: 'keep' }, extraDomains: ['relay.walmart.ca'], updateCustomer: true, guardEnabled: false });
    expect(migrateSettings(JSON.parse(JSON.stringify(current)))).toEqual(current);
  });

  it('upgrades version 0 (strategy object, notifyGuard)', () => {
    expect(migrateSettings({ strategy: { kind: 'domain', domain: 'old.com', localPart: 'order-id' }, notifyGuard: false })).toEqual(
      withSettings({ defaultStrategy: 'domain', domain: 'old.com', domainLocalPart: 'order-id', guardEnabled: false }),
    );
    expect(migrateSettings({ version: 0, strategy: 'prefix', prefix: 'void-' })).toMatchObject({ defaultStrategy: 'prefix', prefix: 'void-' });
    expect(migrateSettings({ strategy: { kind: 'fixed', email: 'o@old.com' } })).toMatchObject({ defaultStrategy: 'fixed', fixedEmail: 'o@old.com' });
  });

  it('drops wrong types and unknown fields, including anything that looks like a credential', () => {
    const migrated = migrateSettings({
      version: 1,
      defaultStrategy: 'delete-everything',
      domain: 42,
      prefix: '   ',
      domainLocalPart: 'weird',
      overrides: { ebay: 'keep', amazon: 'nope', Etsy: { kind: 'prefix' }, ['x'.repeat(80)]: 'keep' },
      updateCustomer: 'yes',
      guardEnabled: null,
      extraDomains: ['relay.walmart.ca', 'RELAY.WALMART.CA', '@relay.walmart.ca', '', 7, 'x.example', 'not a domain', ' not a domain '],
      accessToken: 'shpat_secret',
      credentials: { token: 'shpat_secret' },
    });
    expect(migrated).toEqual(withSettings({ overrides: { ebay: 'keep', etsy: 'prefix' }, extraDomains: ['relay.walmart.ca', 'x.example', 'not a domain'] }));
    expect(JSON.stringify(migrated)).not.toContain('shpat');
  });

  it('a future version keeps what it understands', () => {
    expect(migrateSettings({ version: 9, defaultStrategy: 'keep', strategy: 'prefix', newField: 1 })).toEqual(withSettings({ defaultStrategy: 'keep' }));
  });

  it('keeps mistyped values so validation can name them', () => {
    const migrated = migrateSettings({ version: 1, defaultStrategy: 'domain', domain: ' my store.com ' });
    expect(migrated.domain).toBe('my store.com');
    expect(validateSettings(migrated)[0]).toMatchObject({ field: 'domain', code: 'domain_invalid' });
  });
});

describe('export / import', () => {
  const settings = withSettings({ defaultStrategy: 'domain', domain: 'mystore.com', overrides: { etsy: 'keep' } });

  it('round-trips through the exported file', () => {
    const file = exportSettings(settings, 'demo-store');
    const { shopDomains: _fromShopify, ...exported } = settings; // read from Shopify at connect, not carried
    expect(JSON.parse(file)).toMatchObject({ kind: 'proxy-mail-guard/settings', version: 1, store: 'demo-store', settings: exported });
    expect(JSON.parse(file).settings).not.toHaveProperty('shopDomains');
    expect(parseImportedSettings(file)).toEqual({ ok: true, value: settings });
    expect(JSON.parse(exportSettings(settings))).not.toHaveProperty('store');
  });

  it('never exports credentials, even if something slipped into the object', () => {
    const polluted = { ...settings, token: 'shpat_0123456789', clientSecret: 'secret' } as StoreSettings;
    const file = exportSettings(polluted, 'demo-store');
    expect(file).not.toContain('shpat_');
    expect(file).not.toContain('secret');
  });

  it('accepts a bare settings object (hand-written or older file)', () => {
    expect(parseImportedSettings(JSON.stringify({ defaultStrategy: 'keep' }))).toEqual({ ok: true, value: withSettings({ defaultStrategy: 'keep' }) });
  });

  it.each([
    ['not JSON', 'this is not json', 'import_not_json'],
    ['empty file', '', 'import_not_json'],
    ['JSON but not an object', '[1,2,3]', 'import_not_settings'],
    ['JSON null', 'null', 'import_not_settings'],
    ['an unrelated object', '{"name":"something else"}', 'import_not_settings'],
    ['our wrapper with no settings', '{"kind":"proxy-mail-guard/settings","settings":42}', 'import_not_settings'],
  ])('refuses %s', (_name, text, code) => {
    const result = parseImportedSettings(text);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect((en as Record<string, unknown>)[`err_${code}`]).toBeDefined();
  });

  it('accepts relay domains under a country ending (relay.example.co.uk) and unknown endings', () => {
    expect(validateSettings(withSettings({ extraDomains: ['relay.example.co.uk', 'orders.marketplace.example', 'members.ebay.com.au'] }), WRITE_CHECKS)).toEqual([]);
  });

  it.each([
    ['a number for a text field', { domain: 5 }, 'domain'],
    ['a string for a switch', { guardEnabled: 'yes' }, 'guardEnabled'],
    ['a number for a switch', { updateCustomer: 1 }, 'updateCustomer'],
    ['an unknown strategy', { defaultStrategy: 'nuke' }, 'defaultStrategy'],
    ['a strategy object where a name belongs', { defaultStrategy: { kind: 'strip' } }, 'defaultStrategy'],
    ['a bad local-part choice', { domainLocalPart: 'random' }, 'domainLocalPart'],
    ['a string for the domain list', { extraDomains: 'relay.example.com' }, 'extraDomains'],
    ['a number in the domain list', { extraDomains: ['relay.example.com', 7] }, 'extraDomains.1'],
    ['a list for the overrides', { overrides: ['amazon'] }, 'overrides'],
    ['a number as an override', { overrides: { ebay: 7 } }, 'overrides.ebay'],
    ['an unknown version', { version: '1', defaultStrategy: 'strip' }, 'version'],
  ])('a wrong type is a field error, not a default: %s', (_name, body, field) => {
    const result = parseImportedSettings(JSON.stringify({ kind: 'proxy-mail-guard/settings', version: 1, settings: body }));
    expect(result).toMatchObject({ ok: false, error: { code: 'import_wrong_type', params: { field } } });
    expect((en as Record<string, { message: string }>)['err_import_wrong_type']!.message).toContain('{field}');
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'CONSTRUCTOR'])('refuses an override keyed %s (own marketplace ids only)', (key) => {
    const text = `{"defaultStrategy":"strip","overrides":{${JSON.stringify(key)}:"keep"}}`;
    expect(parseImportedSettings(text)).toMatchObject({ ok: false, error: { code: 'override_unknown_marketplace', params: { marketplace: key, field: `overrides.${key}` } } });
  });

  it('refuses settings that would not validate, naming the field', () => {
    const result = parseImportedSettings(JSON.stringify({ defaultStrategy: 'domain', domain: 'marketplace.amazon.com' }));
    expect(result).toEqual({
      ok: false,
      error: { code: 'domain_is_relay', message: REWRITE_ERRORS.domain_is_relay, params: { domain: 'marketplace.amazon.com', field: 'domain' } },
    });
    expect(parseImportedSettings(JSON.stringify({ defaultStrategy: 'fixed' }))).toMatchObject({ ok: false, error: { code: 'fixed_missing', params: { field: 'fixedEmail' } } });
  });
});

describe('problemAsError', () => {
  it('carries the field in params, with or without other params', () => {
    expect(problemAsError({ field: 'domain', code: 'domain_missing', message: 'm' })).toEqual({ code: 'domain_missing', message: 'm', params: { field: 'domain' } });
    expect(problemAsError({ field: 'domain', code: 'domain_is_relay', message: 'm', params: { domain: 'x.y' } })).toEqual({
      code: 'domain_is_relay',
      message: 'm',
      params: { domain: 'x.y', field: 'domain' },
    });
  });
});
