/**
 * Per-store settings: which strategy to apply, the store's own domain / fixed address / prefix,
 * per-marketplace overrides, and the guard switch.
 *
 * Stored by lib/platform/settings-storage.ts under `sync:settings:{handle}`. Everything read back
 * (storage, an imported file) goes through `migrateSettings`, which accepts anything and returns
 * well-typed settings; `validateSettings` then says, field by field, what the merchant must fix,
 * with the same codes and sentences `rewriteEmail` uses. Credentials are never part of settings
 * (they live in `local:credentials:{handle}`), and export writes known fields only.
 */
import { fail, ok, type AppError, type Result } from './result';
import { DEFAULT_PREFIX, MARKETPLACES, type NeutralForms } from './marketplaces';
import { asciiDomain } from './email-address';
import { STRATEGY_KINDS, checkDomain, checkFixedEmail, checkPrefix, normaliseDomainInput, type Strategy, type StrategyKind } from './rewrite';

export const SETTINGS_VERSION = 1;

export interface StoreSettings {
  version: typeof SETTINGS_VERSION;
  /** Applied to every marketplace without an override. `strip`: nothing can be sent. */
  defaultStrategy: StrategyKind;
  /** The store's own domain, for `domain` ("mystore.com"); '' when not set. */
  domain: string;
  /** `domain`: keep the relay's local part, or use the marketplace order id. */
  domainLocalPart: 'keep' | 'order-id';
  /** The one address for `fixed`; '' when not set. */
  fixedEmail: string;
  prefix: string;
  /** Marketplace id → strategy, e.g. `{ etsy: 'keep' }`. */
  overrides: Record<string, StrategyKind>;
  /** Also change the customer record's email, not only the order's. */
  updateCustomer: boolean;
  /** Turn "notify customer" off on fulfilment screens of marketplace orders. */
  guardEnabled: boolean;
  /** Relay domains the catalogue does not know, added by the merchant. */
  extraDomains: string[];
  /** The background checks the store every minute and fixes new marketplace orders (lib/auto-protect). */
  autoProtect: boolean;
  /** When it was switched on (ISO): orders created before are the bulk fix's job. Never exported. */
  autoProtectSince: string | null;
  /**
   * The shop's primary and connected domains, read from Shopify at connect (never typed, never
   * exported): an address at one of them is the merchant's own — e.g. a connector already moved the
   * order there — so such an order counts as protected, like the fixed address and the domain swap.
   */
  shopDomains: string[];
}

export function defaultSettings(): StoreSettings {
  return {
    version: SETTINGS_VERSION,
    defaultStrategy: 'strip',
    domain: '',
    domainLocalPart: 'keep',
    fixedEmail: '',
    prefix: DEFAULT_PREFIX,
    overrides: {},
    updateCustomer: false,
    guardEnabled: true,
    extraDomains: [],
    autoProtect: false,
    autoProtectSince: null,
    shopDomains: [],
  };
}

/** The strategy for one marketplace, with the store's domain / fixed address / prefix filled in. */
export function strategyFor(settings: StoreSettings, marketplaceId?: string | null): Strategy {
  const kind = (marketplaceId && settings.overrides[marketplaceId]) || settings.defaultStrategy;
  switch (kind) {
    case 'keep':
      return { kind: 'keep' };
    case 'fixed':
      return { kind: 'fixed', email: settings.fixedEmail };
    case 'domain':
      return { kind: 'domain', domain: settings.domain, localPart: settings.domainLocalPart };
    case 'prefix':
      return { kind: 'prefix', prefix: settings.prefix };
    case 'strip':
      return { kind: 'strip' };
  }
}

/**
 * The fixes the order card offers, as the choice it sends to the background. A choice is all a page
 * can pick: the addresses, domain and prefix always come from the saved settings, so a script in the
 * admin cannot make the background write an address of its choosing.
 */
export const FIX_CHOICES = ['strip', 'domain', 'domain_order_id', 'prefix', 'fixed'] as const;
export type FixChoice = (typeof FIX_CHOICES)[number];

export function isFixChoice(value: unknown): value is FixChoice {
  return typeof value === 'string' && (FIX_CHOICES as readonly string[]).includes(value);
}

/** The strategy a choice stands for, filled in from the store's settings. */
export function strategyForChoice(settings: StoreSettings, choice: FixChoice): Strategy {
  switch (choice) {
    case 'strip':
      return { kind: 'strip' };
    case 'domain':
      return { kind: 'domain', domain: settings.domain, localPart: 'keep' };
    case 'domain_order_id':
      return { kind: 'domain', domain: settings.domain, localPart: 'order-id' };
    case 'prefix':
      return { kind: 'prefix', prefix: settings.prefix };
    case 'fixed':
      return { kind: 'fixed', email: settings.fixedEmail };
  }
}

/** What a neutralised address looks like in this store (for `detectMarketplace`'s `context.neutral`). */
export function neutralForms(settings: StoreSettings): NeutralForms {
  return { prefix: settings.prefix, domain: settings.domain, fixedEmail: settings.fixedEmail, shopDomains: settings.shopDomains };
}

export interface SettingsProblem {
  /** `domain`, `fixedEmail`, `prefix`, `extraDomains.2`, `overrides.ebay` … */
  field: string;
  code: string;
  message: string;
  params?: Record<string, string>;
}

export const SETTINGS_ERRORS = {
  extra_domain_invalid: 'This is not a domain. Enter one like relay.example.com.',
  extra_domain_public_suffix: '{domain} is a public ending shared by many sites (like co.uk): it would flag every address under it. Enter the relay’s own domain.',
  extra_domain_mail_provider: '{domain} is a public mail provider: it would flag your real customers. Enter the marketplace relay’s own domain.',
  import_wrong_type: 'In this file, “{field}” has the wrong kind of value. Nothing was imported.',
  override_unknown_marketplace: 'This marketplace is not known; remove its setting.',
} as const;

/**
 * Checks that need large data (the Public Suffix List: lib/extra-domains.ts `WRITE_CHECKS`). Every place
 * that SAVES or IMPORTS settings passes them; readers (the background's status views, the content
 * script) leave them out so their bundles stay small — what they read was checked when it was saved.
 */
export interface SettingsChecks {
  extraDomain?: (asciiDomain: string) => 'extra_domain_public_suffix' | 'extra_domain_mail_provider' | null;
}

function usedKinds(settings: StoreSettings): Set<StrategyKind> {
  return new Set([settings.defaultStrategy, ...Object.values(settings.overrides)]);
}

/**
 * Field-level problems, empty when the settings can be saved. The domain, fixed address and prefix
 * are checked when a strategy that needs them is in use (default or override), and also whenever
 * they are filled in, so a typo is caught before it is needed.
 */
export function validateSettings(settings: StoreSettings, checks: SettingsChecks = {}): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const kinds = usedKinds(settings);
  const add = (field: string, p: { code: string; message: string; params?: Record<string, string> } | null) => {
    if (p) problems.push({ field, ...p });
  };
  const extras: string[] = [];
  settings.extraDomains.forEach((domain, index) => {
    const ascii = normaliseDomainInput(domain);
    const refusal = ascii && checks.extraDomain ? checks.extraDomain(ascii) : null;
    if (ascii && !refusal) extras.push(ascii);
    else {
      const code = refusal ?? 'extra_domain_invalid';
      add(`extraDomains.${index}`, { code, message: SETTINGS_ERRORS[code], params: { domain: String(domain) } });
    }
  });
  if (kinds.has('domain') || settings.domain.trim() !== '') add('domain', checkDomain(settings.domain, extras));
  if (kinds.has('fixed') || settings.fixedEmail.trim() !== '') add('fixedEmail', checkFixedEmail(settings.fixedEmail, extras));
  add('prefix', checkPrefix(settings.prefix));
  for (const id of Object.keys(settings.overrides)) {
    // Own keys only: `constructor` or `toString` are "in" every object, not marketplaces.
    if (!Object.hasOwn(MARKETPLACES, id)) add(`overrides.${id}`, { code: 'override_unknown_marketplace', message: SETTINGS_ERRORS.override_unknown_marketplace, params: { marketplace: id } });
  }
  return problems;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isKind = (value: unknown): value is StrategyKind => typeof value === 'string' && (STRATEGY_KINDS as readonly string[]).includes(value);
const text = (value: unknown, fallback: string, max = 320): string => (typeof value === 'string' ? value.trim().slice(0, max) : fallback);
const flag = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback);

/** A kind from a string or from a whole strategy object (`{kind: 'domain', domain: …}`, as v0 stored it). */
function kindOf(value: unknown): StrategyKind | null {
  if (isKind(value)) return value;
  if (isRecord(value) && isKind(value.kind)) return value.kind;
  return null;
}

/**
 * Any stored or imported value → valid-typed settings. Unknown fields (including anything that looks
 * like a credential) are dropped; wrong types fall back to defaults; values are kept as typed so
 * validation can tell the merchant what is wrong with them.
 *
 * Version 0 (before versions existed) kept the whole strategy object in `strategy`
 * (`{kind:'domain', domain:'mystore.com'}`) and the guard switch as `notifyGuard`.
 */
export function migrateSettings(input: unknown): StoreSettings {
  const base = defaultSettings();
  if (!isRecord(input)) return base;
  const legacy = input.version === undefined || input.version === 0;
  const legacyStrategy = legacy && isRecord(input.strategy) ? input.strategy : {};

  const defaultStrategy = kindOf(input.defaultStrategy) ?? (legacy ? kindOf(input.strategy) : null) ?? base.defaultStrategy;
  const domain = text(input.domain ?? legacyStrategy.domain, base.domain);
  const fixedEmail = text(input.fixedEmail ?? legacyStrategy.email, base.fixedEmail);
  const prefix = text(input.prefix ?? legacyStrategy.prefix, base.prefix, 64) || base.prefix;
  const localPart = input.domainLocalPart ?? legacyStrategy.localPart;

  const overrides: Record<string, StrategyKind> = {};
  if (isRecord(input.overrides)) {
    for (const [id, value] of Object.entries(input.overrides)) {
      const kind = kindOf(value);
      if (kind && id.length <= 64 && id !== '__proto__') overrides[id.toLowerCase()] = kind;
    }
  }

  const extraDomains: string[] = [];
  if (Array.isArray(input.extraDomains)) {
    for (const item of input.extraDomains.slice(0, 100)) {
      if (typeof item !== 'string' || item.trim() === '') continue;
      const cleaned = item.trim().slice(0, 253);
      const key = asciiDomain(cleaned.replace(/^@/, '')) ?? cleaned;
      if (!extraDomains.some((existing) => (asciiDomain(existing.replace(/^@/, '')) ?? existing) === key)) extraDomains.push(cleaned);
    }
  }

  return {
    version: SETTINGS_VERSION,
    defaultStrategy,
    domain,
    domainLocalPart: localPart === 'order-id' ? 'order-id' : 'keep',
    fixedEmail,
    prefix,
    overrides,
    updateCustomer: flag(input.updateCustomer, base.updateCustomer),
    guardEnabled: flag(input.guardEnabled ?? (legacy ? input.notifyGuard : undefined), base.guardEnabled),
    extraDomains,
    autoProtect: flag(input.autoProtect, base.autoProtect),
    autoProtectSince: typeof input.autoProtectSince === 'string' && !Number.isNaN(Date.parse(input.autoProtectSince)) ? new Date(input.autoProtectSince).toISOString() : null,
    shopDomains: Array.isArray(input.shopDomains)
      ? [...new Set(input.shopDomains.slice(0, 50).map((d) => (typeof d === 'string' ? asciiDomain(d.trim()) : null)).filter((d): d is string => Boolean(d)))]
      : [],
  };
}

const EXPORT_KIND = 'proxy-mail-guard/settings';

/** A JSON file a merchant can keep or move to another browser. Contains settings only, never credentials. */
export function exportSettings(settings: StoreSettings, handle?: string): string {
  // The switch-on time belongs to this store's history, not to a file moved elsewhere or read back later.
  const clean: Partial<StoreSettings> = { ...migrateSettings(settings), autoProtectSince: null };
  delete clean.shopDomains; // read from the store at connect, not carried in a file
  const file: Record<string, unknown> = { kind: EXPORT_KIND, version: SETTINGS_VERSION };
  if (handle) file.store = handle;
  file.settings = clean;
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Keeps the switch-on time true to the switch: set when automatic protection is on without one (just
 * switched on, or imported), cleared when it is off. Turning it off and on again starts a new period.
 */
export function normaliseAutoProtect(settings: StoreSettings, now: Date): StoreSettings {
  if (!settings.autoProtect) return settings.autoProtectSince === null ? settings : { ...settings, autoProtectSince: null };
  return settings.autoProtectSince ? settings : { ...settings, autoProtectSince: now.toISOString() };
}

export const IMPORT_ERRORS = {
  import_not_json: 'This file is not a settings file (it could not be read).',
  import_not_settings: 'This file does not contain Proxy Mail Guard settings.',
} as const;

const isString = (v: unknown) => typeof v === 'string';
const isBoolean = (v: unknown) => typeof v === 'boolean';
const isStrategyValue = (v: unknown) => kindOf(v) !== null;

/** Each known field of a settings file and what its value must be (absent fields take defaults). */
const FIELD_TYPES: Record<string, (v: unknown) => boolean> = {
  version: (v) => v === 0 || v === SETTINGS_VERSION,
  defaultStrategy: isKind,
  strategy: isStrategyValue, // version 0
  domain: isString,
  domainLocalPart: (v) => v === 'keep' || v === 'order-id',
  fixedEmail: isString,
  prefix: isString,
  overrides: isRecord,
  updateCustomer: isBoolean,
  guardEnabled: isBoolean,
  notifyGuard: isBoolean, // version 0
  extraDomains: (v) => Array.isArray(v),
};

/**
 * A file is read strictly: a known field with a value of the wrong kind is an error naming the field,
 * never a silent default (the merchant would believe the file was applied as written).
 */
function wrongTypeField(body: Record<string, unknown>): string | null {
  for (const [field, valid] of Object.entries(FIELD_TYPES)) {
    if (Object.hasOwn(body, field) && !valid(body[field])) return field;
  }
  if (isRecord(body.overrides)) {
    for (const [id, value] of Object.entries(body.overrides)) if (!isStrategyValue(value)) return `overrides.${id}`;
  }
  if (Array.isArray(body.extraDomains)) {
    const index = body.extraDomains.findIndex((item) => typeof item !== 'string');
    if (index >= 0) return `extraDomains.${index}`;
  }
  return null;
}

/** Own keys of a file's `overrides` that are not marketplaces (`constructor`, `__proto__` …). */
function unknownOverride(body: Record<string, unknown>): string | null {
  if (!isRecord(body.overrides)) return null;
  return Object.keys(body.overrides).find((id) => !Object.hasOwn(MARKETPLACES, id.toLowerCase())) ?? null;
}

/**
 * Reads an exported file (or a bare settings object). Fails — changing nothing — when the text is not
 * JSON, not our settings, or the settings would not pass validation (the first problem is returned,
 * with its field in `params.field`).
 */
export function parseImportedSettings(textInput: string, checks: SettingsChecks = {}): Result<StoreSettings> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(textInput);
  } catch {
    return fail('import_not_json', IMPORT_ERRORS.import_not_json);
  }
  if (!isRecord(parsed)) return fail('import_not_settings', IMPORT_ERRORS.import_not_settings);
  const body = parsed.kind === EXPORT_KIND ? parsed.settings : parsed;
  const looksLikeSettings = isRecord(body) && Object.keys(FIELD_TYPES).some((key) => key !== 'version' && Object.hasOwn(body, key));
  if (!looksLikeSettings) return fail('import_not_settings', IMPORT_ERRORS.import_not_settings);
  const wrong = wrongTypeField(body);
  if (wrong) return fail('import_wrong_type', SETTINGS_ERRORS.import_wrong_type.replace('{field}', wrong), { field: wrong });
  const unknown = unknownOverride(body);
  if (unknown !== null) {
    return fail('override_unknown_marketplace', SETTINGS_ERRORS.override_unknown_marketplace, { marketplace: unknown, field: `overrides.${unknown}` });
  }
  const settings = migrateSettings(body);
  const problems = validateSettings(settings, checks);
  const first = problems[0];
  if (first) return fail(first.code, first.message, { ...(first.params ?? {}), field: first.field });
  return ok(settings);
}

/** A settings problem as the app-wide error shape (for Result-returning callers). */
export function problemAsError(p: SettingsProblem): AppError {
  return { code: p.code, message: p.message, params: { ...(p.params ?? {}), field: p.field } };
}
