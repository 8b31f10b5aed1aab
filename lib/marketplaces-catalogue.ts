/**
 * The marketplace catalogue: which relay domains, sender addresses and channel names belong to
 * which marketplace.
 *
 * Built by hand from the evidence in `lib/marketplace-evidence/proxy-domains.source.json` (a verbatim
 * copy of the team's research, kept in the repo because the built extension cannot read anything
 * else). Every entry names its evidence record in `evidence.key` (the record's `marketplace` field);
 * test/unit/marketplaces-catalogue.test.ts checks that every record is used, that every domain it
 * lists is detected as that marketplace, and that the copy still matches the shared original.
 *
 * Guesses from `proxy-domains.unverified.json` are NOT detections here; the few a merchant may want
 * are offered as `SUGGESTED_EXTRA_DOMAINS` (the popup can switch them on as extra domains).
 */

export type Confidence = 'high' | 'medium' | 'low' | 'context-only';

export interface MarketplaceEntry {
  id: string;
  label: string;
  /** Relay domains; each matches itself and its sub-domains (label boundary), nothing else. */
  domains: readonly string[];
  /**
   * Regional relay families, written without the storefront TLD: `marketplace.amazon` matches
   * `marketplace.amazon.<tld>` (and sub-domains of it) where <tld> has the shape of a storefront
   * TLD: `com`, `net`, a two-letter country code, or `co.`/`com.` + a country code.
   */
  regional?: readonly string[];
  /** Local parts on these domains that are the marketplace's own senders, not buyers. */
  senders?: readonly string[];
  /** Whole addresses that mean "the marketplace gave no email" (sending to them reaches no buyer). */
  placeholders?: readonly string[];
  /** Words (whole-word, case-insensitive) in the order's source, channel, app name or tags. */
  keywords: readonly string[];
  /** Names that count only when they are the whole field (too common as a word, e.g. "otto"). */
  exactNames?: readonly string[];
  /** A marketplace that runs on another one's relay (Mirakl operators): named by context only. */
  operatorOf?: string;
  evidence: { key: string | null; confidence: Confidence; urls: readonly string[]; note?: string };
}

/** Local parts no marketplace uses for a buyer alias, on any relay domain. */
export const GENERIC_SENDERS: readonly string[] = [
  'noreply',
  'no-reply',
  'no_reply',
  'donotreply',
  'do-not-reply',
  'do_not_reply',
  'mailer-daemon',
  'postmaster',
];

/** `com`, `net`, `de`, `co.uk`, `com.au`: the shapes storefront TLDs take. */
export const STOREFRONT_TLD = '(?:com|net|[a-z]{2}|(?:co|com)\\.[a-z]{2})';

export const CATALOGUE: readonly MarketplaceEntry[] = [
  {
    id: 'amazon',
    label: 'Amazon',
    domains: [],
    regional: ['marketplace.amazon'],
    keywords: ['amazon'],
    evidence: {
      key: 'Amazon (all regions)',
      confidence: 'high',
      urls: [
        'https://sellercentral.amazon.com/help/hub/reference/external/G200383320',
        'https://sellercentral.amazon.ae/gp/help/external/help-page.html?itemID=200389080',
      ],
      note: 'Suffix rule: every storefront uses marketplace.amazon.<tld>; Amazon.co.jp also m.marketplace.amazon.co.jp.',
    },
  },
  {
    id: 'ebay',
    label: 'eBay',
    domains: [],
    regional: ['members.ebay'],
    keywords: ['ebay'],
    evidence: {
      key: 'eBay (all sites)',
      confidence: 'high',
      urls: [
        'https://developer.ebay.com/api-docs/user-guides/static/trading-user-guide/member-communications.html',
        'https://developer.ebay.com/support/kb-article?KBid=349',
        'https://developer.ebay.com/api-docs/sell/fulfillment/types/sel:ExtendedContact',
      ],
      note: 'eBay documents @members.ebay.<SiteDomain> for every site.',
    },
  },
  {
    id: 'walmart',
    label: 'Walmart',
    domains: ['relay.walmart.com'],
    placeholders: ['nocxemail@walmartone.com'],
    keywords: ['walmart'],
    evidence: {
      key: 'Walmart (US)',
      confidence: 'high',
      urls: ['https://developer.walmart.com/us-marketplace/lang-zh/docs/orders-returns.md'],
    },
  },
  {
    id: 'mirakl',
    label: 'Mirakl marketplace',
    domains: ['notification.mirakl.net'],
    keywords: ['mirakl'],
    evidence: {
      key: 'Mirakl-powered marketplaces (MediaMarkt/Saturn, Leroy Merlin, Carrefour, Darty, Conforama, Decathlon, Galaxus/others)',
      confidence: 'high',
      urls: [],
      note: 'The address does not say which operator sold the order; operators below are read from the channel.',
    },
  },
  ...(
    [
      ['mediamarkt', 'MediaMarkt / Saturn', ['mediamarkt', 'media markt', 'mediamarktsaturn', 'mediamarkt saturn'], ['saturn']],
      ['leroymerlin', 'Leroy Merlin', ['leroy merlin', 'leroymerlin'], []],
      ['carrefour', 'Carrefour', ['carrefour'], []],
      ['darty', 'Darty', ['darty'], []],
      ['conforama', 'Conforama', ['conforama'], []],
      ['decathlon', 'Decathlon', ['decathlon'], []],
      ['galaxus', 'Galaxus', ['galaxus'], []],
    ] as const
  ).map(
    ([id, label, keywords, exactNames]): MarketplaceEntry => ({
      id,
      label,
      domains: [],
      keywords,
      exactNames,
      operatorOf: 'mirakl',
      evidence: {
        key: 'Mirakl-powered marketplaces (MediaMarkt/Saturn, Leroy Merlin, Carrefour, Darty, Conforama, Decathlon, Galaxus/others)',
        confidence: 'context-only',
        urls: [],
        note: 'Mirakl operator: its buyers get @notification.mirakl.net aliases; named by the order channel.',
      },
    }),
  ),
  {
    id: 'kaufland',
    label: 'Kaufland',
    domains: ['kaufland-marktplatz.de'],
    keywords: ['kaufland', 'real de'],
    evidence: { key: 'Kaufland (Kaufland.de marketplace incl. CZ/SK/AT/PL storefronts; formerly real.de)', confidence: 'high', urls: [] },
  },
  {
    id: 'allegro',
    label: 'Allegro',
    domains: ['allegromail.pl', 'allegromail.com'],
    senders: ['powiadomienia', 'ertesitesek'],
    keywords: ['allegro'],
    evidence: { key: 'Allegro (Poland; also allegro.cz/.sk/.hu)', confidence: 'high', urls: [] },
  },
  {
    id: 'tiktok',
    label: 'TikTok Shop',
    domains: ['scs.tiktokw.us', 'scs.tiktokw.eu'],
    keywords: ['tiktok', 'tiktok shop', 'tiktokorderid'],
    evidence: { key: 'TikTok Shop', confidence: 'high', urls: [], note: 'scs.tiktokw.eu is seen in one test fixture only.' },
  },
  {
    id: 'temu',
    label: 'Temu',
    domains: ['shipping.temuemail.com'],
    keywords: ['temu'],
    evidence: {
      key: 'Temu (seller-fulfilled orders)',
      confidence: 'medium',
      urls: [],
      note: 'Regional hosts <x>.shipping.temuemail.com; news./eu.temuemail.com are marketing senders, not matched.',
    },
  },
  {
    id: 'mercadolibre',
    label: 'Mercado Libre',
    domains: ['mail.mercadolivre.com'],
    regional: ['mail.mercadolibre'],
    keywords: ['mercado libre', 'mercadolibre', 'mercado livre', 'mercadolivre'],
    evidence: { key: 'Mercado Libre / Mercado Livre', confidence: 'high', urls: [] },
  },
  {
    id: 'bol',
    label: 'bol.com',
    domains: ['verkopen.bol.com', 'verkopen.test2.bol.com'],
    keywords: ['bol com', 'bolcom'],
    exactNames: ['bol'],
    evidence: { key: 'Bol.com', confidence: 'high', urls: [], note: 'verkopen.test2.bol.com is bol.com test environment.' },
  },
  {
    id: 'newegg',
    label: 'Newegg',
    domains: ['marketplace.newegg.com'],
    keywords: ['newegg'],
    evidence: { key: 'Newegg (Marketplace)', confidence: 'high', urls: [] },
  },
  {
    id: 'reverb',
    label: 'Reverb',
    domains: ['private-relay.reverb.com'],
    keywords: ['reverb'],
    evidence: { key: 'Reverb', confidence: 'medium', urls: [] },
  },
  {
    id: 'manomano',
    label: 'ManoMano',
    domains: ['message.manomano.com'],
    keywords: ['manomano'],
    evidence: { key: 'ManoMano', confidence: 'medium', urls: [] },
  },
  {
    id: 'rakuten',
    label: 'Rakuten',
    domains: ['fw.rakuten.ne.jp'],
    keywords: ['rakuten'],
    evidence: { key: 'Rakuten Ichiba (Japan)', confidence: 'medium', urls: [], note: 'pc.fw.rakuten.ne.jp is a sub-domain.' },
  },
  {
    id: 'sears',
    label: 'Sears Marketplace',
    domains: ['seller.sears.com'],
    keywords: ['sears marketplace'],
    exactNames: ['sears'],
    evidence: { key: 'Sears Marketplace (legacy)', confidence: 'medium', urls: [] },
  },
  {
    id: 'fnac',
    label: 'Fnac',
    domains: ['marketplace.fnac.com'],
    keywords: ['fnac'],
    evidence: {
      key: 'Fnac (fnac.com marketplace)',
      confidence: 'low',
      urls: [],
      note: 'Possibly a connector placeholder rather than a relay; either way not a buyer address.',
    },
  },
  {
    id: 'etsy',
    label: 'Etsy',
    domains: [],
    keywords: ['etsy'],
    evidence: { key: 'Etsy', confidence: 'context-only', urls: [], note: 'Etsy gives the real buyer address (or none): detected by channel.' },
  },
  {
    id: 'otto',
    label: 'OTTO Market',
    domains: [],
    keywords: ['otto market', 'otto marketplace', 'otto de'],
    exactNames: ['otto'],
    evidence: { key: null, confidence: 'context-only', urls: [], note: 'No relay address known (unverified list); detected by channel only.' },
  },
  {
    id: 'cdiscount',
    label: 'Cdiscount',
    domains: [],
    keywords: ['cdiscount'],
    evidence: { key: null, confidence: 'context-only', urls: [], note: 'No relay sample known (unverified list); detected by channel only.' },
  },
];

/**
 * Unverified relay domains a merchant may switch on as extra domains (never detected by default).
 * From `proxy-domains.unverified.json`.
 */
export const SUGGESTED_EXTRA_DOMAINS: readonly { domain: string; label: string }[] = [
  { domain: 'relay.walmart.ca', label: 'Walmart Canada' },
  { domain: 'mp.laredoute-marketplace.fr', label: 'La Redoute' },
  { domain: 'sc.rueducommerce.com', label: 'Rue du Commerce' },
];
