/**
 * "Is this order's email a marketplace relay address?" — and which marketplace sold the order.
 *
 * The catalogue (domains, senders, channel names, evidence) is `lib/marketplaces-catalogue.ts`.
 * Rules, in the order they apply:
 * 1. The email itself: a relay domain (or a sub-domain of one; never a look-alike such as
 *    `marketplace.amazon.com.evil.io` or `notmarketplace.amazon.com`), not one of the marketplace's
 *    own senders (`noreply@…`), possibly behind a neutralising prefix (`blacklisted-…`). Placeholders
 *    such as Walmart's `nocxemail@walmartone.com` count too (flagged `placeholder: true`).
 *    Merchant-defined extra domains extend the catalogue at run time.
 * 2. Otherwise the original address we recorded before changing it (`context.originalEmail`).
 * 3. Otherwise the order's provenance: source name, channel, app name (`via: 'channel'`), then tags
 *    (`via: 'tag'`). This is how Etsy (real buyer addresses) and Mirakl operators are found.
 * When 2 or 3 names a marketplace, `neutralised` says what the current email is: none at all
 * (`stripped`), the store's fixed address (`fixed`), an address on the store's own domain (`domain`),
 * or a prefixed address (`prefix`) — compared with the store settings passed in `context.neutral`.
 *
 * Never throws: malformed input (non-string, no or two `@`, spaces, too long) is simply not a relay.
 */
import { CATALOGUE, GENERIC_SENDERS, STOREFRONT_TLD, type MarketplaceEntry } from './marketplaces-catalogue';
import { asciiDomain, isBlankEmail, isSameOrSubdomain, normaliseEmail, splitEmail } from './email-address';

export { normaliseEmail, splitEmail, isValidEmail } from './email-address';

export interface Detection {
  marketplace: string; // lower-case id: amazon, ebay, etsy, walmart, kaufland, allegro, ...
  label: string; // display name: "Amazon", "eBay"
  via: 'email' | 'channel' | 'tag';
  neutralised: null | 'prefix' | 'domain' | 'fixed' | 'stripped';
  /** The address is a marketplace placeholder meaning "no buyer email" (Walmart's nocxemail@…). */
  placeholder?: boolean;
}

export type Neutralised = Detection['neutralised'];

/** The store settings that say what a neutralised address looks like (see lib/settings.ts). */
export interface NeutralForms {
  prefix?: string;
  domain?: string;
  fixedEmail?: string;
  /** The shop's own domains (primary and connected, from Shopify): an address there is the merchant's. */
  shopDomains?: readonly string[];
}

export interface DetectionContext {
  sourceName?: string | null;
  channel?: string | null;
  appName?: string | null;
  tags?: readonly string[] | null;
  /** The address recorded before we changed it (order metafield / audit log). */
  originalEmail?: string | null;
  /** How this store neutralises addresses, to recognise its own work. */
  neutral?: NeutralForms;
}

export const DEFAULT_PREFIX = 'blacklisted-';
/** Id used for merchant-defined extra relay domains. */
export const CUSTOM_MARKETPLACE = 'custom';

/** id → display label, for every marketplace we can name (plus `custom`). */
export const MARKETPLACES: Readonly<Record<string, string>> = Object.freeze({
  ...Object.fromEntries(CATALOGUE.map((entry) => [entry.id, entry.label])),
  [CUSTOM_MARKETPLACE]: 'Other marketplace',
});

export function marketplaceLabel(id: string): string {
  return Object.hasOwn(MARKETPLACES, id) ? MARKETPLACES[id]! : id;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface CompiledEntry {
  entry: MarketplaceEntry;
  regional: RegExp[];
  senders: Set<string>;
  placeholders: Set<string>;
}

const COMPILED: CompiledEntry[] = CATALOGUE.map((entry) => ({
  entry,
  regional: (entry.regional ?? []).map((base) => new RegExp(`(?:^|\\.)${escapeRegExp(base)}\\.${STOREFRONT_TLD}$`)),
  senders: new Set([...GENERIC_SENDERS, ...(entry.senders ?? [])]),
  placeholders: new Set(entry.placeholders ?? []),
}));

function relayEntryForDomain(ascii: string): CompiledEntry | null {
  for (const compiled of COMPILED) {
    if (compiled.entry.domains.some((domain) => isSameOrSubdomain(ascii, domain))) return compiled;
    if (compiled.regional.some((pattern) => pattern.test(ascii))) return compiled;
  }
  return null;
}

function cleanExtraDomains(extraDomains: unknown): string[] {
  if (!Array.isArray(extraDomains)) return [];
  const out: string[] = [];
  for (const item of extraDomains) {
    const ascii = asciiDomain(typeof item === 'string' ? item.replace(/^\s*@/, '') : item);
    if (ascii) out.push(ascii);
  }
  return out;
}

/**
 * True when mail to this domain reaches a marketplace relay: catalogue domains, their sub-domains,
 * every regional form, and the merchant's extra domains. Accepts Unicode or ASCII, any case.
 */
export function isRelayDomain(domain: unknown, extraDomains?: readonly string[]): boolean {
  const ascii = asciiDomain(typeof domain === 'string' ? domain.replace(/^\s*@/, '') : domain);
  if (!ascii) return false;
  if (relayEntryForDomain(ascii)) return true;
  return cleanExtraDomains(extraDomains).some((extra) => isSameOrSubdomain(ascii, extra));
}

interface EmailMatch {
  marketplace: string;
  label: string;
  prefixed: boolean;
  placeholder: boolean;
  entry: MarketplaceEntry | null;
}

export function validPrefixes(neutral: NeutralForms | undefined): string[] {
  const prefixes = [DEFAULT_PREFIX];
  const custom = neutral?.prefix;
  if (typeof custom === 'string' && custom.trim() !== '' && !custom.includes('@')) prefixes.push(custom.trim().toLowerCase());
  // Longest first, so `blacklisted-x` with prefixes `black` and `blacklisted-` strips the whole prefix.
  return [...new Set(prefixes)].sort((a, b) => b.length - a.length);
}

/** Removes neutralising prefixes (repeatedly: `blacklisted-blacklisted-x` → `x`). */
export function stripPrefixes(local: string, prefixes: readonly string[]): { base: string; prefixed: boolean } {
  let base = local;
  let prefixed = false;
  for (let guard = 0; guard < 8; guard++) {
    const lower = base.toLowerCase();
    // What remains must still be a local part: `blacklisted-.x` is not a prefixed `.x`.
    const hit = prefixes.find(
      (prefix) => prefix !== '' && lower.startsWith(prefix.toLowerCase()) && base.length > prefix.length && base[prefix.length] !== '.',
    );
    if (!hit) break;
    base = base.slice(hit.length);
    prefixed = true;
  }
  return { base, prefixed };
}

function matchEmail(email: unknown, extraDomains: readonly string[], prefixes: readonly string[]): EmailMatch | null {
  const parts = splitEmail(email);
  if (!parts) return null;
  const { base, prefixed } = stripPrefixes(parts.local, prefixes);
  const baseLower = base.toLowerCase();
  const compiled = relayEntryForDomain(parts.asciiDomain);
  if (compiled) {
    if (compiled.senders.has(baseLower)) return null;
    return { marketplace: compiled.entry.id, label: compiled.entry.label, prefixed, placeholder: false, entry: compiled.entry };
  }
  const key = `${baseLower}@${parts.asciiDomain}`;
  const placeholderOwner = COMPILED.find((candidate) => candidate.placeholders.has(key));
  if (placeholderOwner) {
    return { marketplace: placeholderOwner.entry.id, label: placeholderOwner.entry.label, prefixed, placeholder: true, entry: placeholderOwner.entry };
  }
  const extra = extraDomains.find((domain) => isSameOrSubdomain(parts.asciiDomain, domain));
  if (extra) {
    if (GENERIC_SENDERS.includes(baseLower)) return null;
    return { marketplace: CUSTOM_MARKETPLACE, label: extra, prefixed, placeholder: false, entry: null };
  }
  return null;
}

/** Lower-case words, accents removed, punctuation as spaces: "Imported from Etsy!" → "imported from etsy". */
function words(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Tags are free text the merchant also uses for products and notes, so a tag names a marketplace
// only in the shapes connectors write: "Etsy", "eBay order", "amazon-fba", "TikTokOrderID:123",
// "ebay-uk", "Imported from Etsy", "Shipped by TikTok". "reverb pedals" or "my etsy notes" do not.
export const TAG_LEADS: ReadonlySet<string> = new Set(['', 'from', 'by', 'via', 'on', 'imported from', 'shipped by', 'fulfilled by', 'sold on', 'order from', 'synced from']);
export const TAG_TAILS: ReadonlySet<string> = new Set(
  'order orders orderid id number no nr sale sales sync synced import imported marketplace channel shop store prime fba fbm mfn afn seller buyer customer'
    .split(' ')
    .concat('uk us de fr it es nl pl se be ca au jp mx br in at ch ie eu com'.split(' ')),
);
const isTagTail = (token: string) => TAG_TAILS.has(token) || /\d/.test(token);

function namesEntry(entry: MarketplaceEntry, text: string, mode: 'field' | 'tag'): boolean {
  if (text === '') return false;
  if (entry.exactNames?.includes(text)) return true;
  const padded = ` ${text} `;
  return entry.keywords.some((keyword) => {
    const at = padded.indexOf(` ${keyword} `);
    if (at === -1) return false;
    // A field (source, channel, app name) may name the marketplace anywhere.
    if (mode === 'field') return true;
    const before = padded.slice(0, at).trim();
    const after = padded.slice(at + keyword.length + 2).trim();
    return TAG_LEADS.has(before) && (after === '' || after.split(' ').every(isTagTail));
  });
}

function entryFromContext(context: DetectionContext, candidates: readonly MarketplaceEntry[]): { entry: MarketplaceEntry; via: 'channel' | 'tag' } | null {
  const fields = [context.sourceName, context.channel, context.appName].map(words);
  for (const field of fields) {
    const entry = candidates.find((candidate) => namesEntry(candidate, field, 'field'));
    if (entry) return { entry, via: 'channel' };
  }
  const tags = Array.isArray(context.tags) ? context.tags.map(words) : [];
  for (const tag of tags) {
    const entry = candidates.find((candidate) => namesEntry(candidate, tag, 'tag'));
    if (entry) return { entry, via: 'tag' };
  }
  return null;
}

/**
 * What the current email is, for an order already known to come from a marketplace: none (`stripped`),
 * the store's fixed address, an address on the store's domain, a prefixed address, or none of these.
 * Malformed strings are not neutralised (they still need attention).
 */
export function classifyNeutralised(email: unknown, neutral?: NeutralForms): Neutralised {
  if (isBlankEmail(email)) return 'stripped';
  const parts = splitEmail(email);
  if (!parts) return null;
  const key = `${parts.local.toLowerCase()}@${parts.asciiDomain}`;
  const fixed = normaliseEmail(neutral?.fixedEmail);
  if (fixed && key === fixed) return 'fixed';
  const ownDomain = asciiDomain(typeof neutral?.domain === 'string' ? neutral.domain.replace(/^\s*@/, '') : undefined);
  if (ownDomain && parts.asciiDomain === ownDomain) return 'domain';
  if (neutral?.shopDomains?.some((d) => asciiDomain(d) === parts.asciiDomain)) return 'domain';
  if (stripPrefixes(parts.local, validPrefixes(neutral)).prefixed) return 'prefix';
  return null;
}

const safeContext = (context: unknown): DetectionContext =>
  context !== null && typeof context === 'object' ? (context) : {};

/**
 * Which marketplace sold this order, judged from its email (and, when given, its provenance and our
 * record of the original address). Null when nothing says "marketplace". See the module comment.
 */
export function detectMarketplace(email: unknown, context?: DetectionContext, extraDomains?: readonly string[]): Detection | null {
  try {
    return detect(email, safeContext(context), cleanExtraDomains(extraDomains));
  } catch {
    // Detection decides whether we warn; a bug here must not break the admin page.
    return null;
  }
}

function detect(email: unknown, context: DetectionContext, extras: string[]): Detection | null {
  const prefixes = validPrefixes(context.neutral);
  const operators = (id: string) => CATALOGUE.filter((entry) => entry.operatorOf === id);

  const direct = matchEmail(email, extras, prefixes);
  if (direct) {
    const operator = direct.entry ? entryFromContext(context, operators(direct.entry.id)) : null;
    const detection: Detection = {
      marketplace: operator?.entry.id ?? direct.marketplace,
      label: operator?.entry.label ?? direct.label,
      via: 'email',
      neutralised: direct.prefixed ? 'prefix' : null,
    };
    if (direct.placeholder) detection.placeholder = true;
    return detection;
  }

  const original = matchEmail(context.originalEmail, extras, prefixes);
  let who: { id: string; label: string; via: Detection['via'] } | null = null;
  if (original) {
    const operator = original.entry ? entryFromContext(context, operators(original.entry.id)) : null;
    who = { id: operator?.entry.id ?? original.marketplace, label: operator?.entry.label ?? original.label, via: 'email' };
  } else {
    const named = entryFromContext(context, CATALOGUE);
    if (named) who = { id: named.entry.id, label: named.entry.label, via: named.via };
  }
  if (!who) return null;
  return { marketplace: who.id, label: who.label, via: who.via, neutralised: classifyNeutralised(email, context.neutral) };
}
