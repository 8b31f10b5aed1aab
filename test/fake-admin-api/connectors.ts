import type { AppRecord, ChannelRecord } from './model.ts';
import { pick, type Rng } from './random.ts';

/**
 * How marketplace orders arrive in Shopify: either through a sales channel (channelInformation set,
 * sourceName = the channel app's numeric id) or through a connector app that creates orders over the
 * API (no channel; sourceName and tags are whatever the connector writes).
 */
export interface Provenance {
  sourceName: string | null;
  app: AppRecord | null;
  channel: ChannelRecord | null;
  tags: string[];
}

const APPS = {
  onlineStore: { id: 580111, name: 'Online Store' },
  pos: { id: 129785, name: 'Point of Sale' },
  draftOrders: { id: 1354745, name: 'Draft Orders' },
  marketplaceConnect: { id: 5393085, name: 'Marketplace Connect' },
  cedcommerce: { id: 4383523, name: 'CedCommerce Multichannel' },
  m2e: { id: 6117141, name: 'M2E Multichannel Connect' },
  salestio: { id: 3890849, name: 'Salestio' },
  mirakl: { id: 7003311, name: 'Mirakl Connect' },
  tiktok: { id: 4383719, name: 'TikTok' },
  etsyIntegration: { id: 2992117, name: 'Etsy Marketplace Integration' },
  genericConnector: { id: 6650011, name: 'Multichannel Importer' },
} satisfies Record<string, AppRecord>;

export const ORDINARY_APPS = APPS;

const channels = new Map<string, ChannelRecord>();

/** Channel records are shared (never mutated): a 100k-order store holds a handful of them. */
function channel(app: AppRecord, handle: string, channelName: string, subChannelName: string, isMarketplace = true): ChannelRecord {
  const key = `${app.id}|${handle}|${channelName}|${subChannelName}`;
  let record = channels.get(key);
  if (!record) {
    record = Object.freeze({ handle, channelName, subChannelName, isMarketplace, app }) as ChannelRecord;
    channels.set(key, record);
  }
  return record;
}

const REGION_BY_TLD: Record<string, string> = {
  com: 'US', 'co.uk': 'UK', de: 'DE', fr: 'FR', it: 'IT', es: 'ES', nl: 'NL', se: 'SE', pl: 'PL', 'com.be': 'BE', ca: 'CA',
  'com.mx': 'MX', 'com.br': 'BR', 'co.jp': 'JP', 'com.au': 'AU', in: 'IN', 'com.tr': 'TR', eg: 'EG', at: 'AT', ch: 'CH', ie: 'IE',
};

function regionOf(domain: string | null): string {
  if (!domain) return 'US';
  const tld = domain.replace(/^(marketplace\.amazon|members\.ebay)\./, '');
  return REGION_BY_TLD[tld] ?? tld.toUpperCase();
}

const MIRAKL_OPERATORS = ['MediaMarkt', 'Leroy Merlin', 'Carrefour', 'Darty', 'Conforama', 'Decathlon', 'Galaxus'];

/** Provenance of a marketplace order; `domain` is the relay domain used (if any), for the region. */
export function marketplaceProvenance(rng: Rng, marketplace: string, label: string, domain: string | null): Provenance {
  const region = regionOf(domain);
  const r = rng();
  switch (marketplace) {
    case 'amazon':
      if (r < 0.45) return { sourceName: String(APPS.marketplaceConnect.id), app: APPS.marketplaceConnect, channel: channel(APPS.marketplaceConnect, `amazon_${region.toLowerCase()}`, 'Amazon', `Amazon ${region}`), tags: [] };
      if (r < 0.7) return { sourceName: 'amazon', app: APPS.cedcommerce, channel: null, tags: ['amazon', `Amazon ${region}`] };
      if (r < 0.9) return { sourceName: 'm2e', app: APPS.m2e, channel: null, tags: ['M2E', 'Amazon'] };
      return { sourceName: 'amazon', app: APPS.salestio, channel: null, tags: ['Salestio', 'Amazon'] };
    case 'ebay':
      if (r < 0.4) return { sourceName: String(APPS.marketplaceConnect.id), app: APPS.marketplaceConnect, channel: channel(APPS.marketplaceConnect, `ebay_${region.toLowerCase()}`, 'eBay', `eBay ${region}`), tags: [] };
      if (r < 0.75) return { sourceName: 'ebay', app: APPS.m2e, channel: null, tags: ['M2E', 'eBay'] };
      return { sourceName: 'ebay', app: APPS.cedcommerce, channel: null, tags: ['ebay'] };
    case 'walmart':
      if (r < 0.6) return { sourceName: String(APPS.marketplaceConnect.id), app: APPS.marketplaceConnect, channel: channel(APPS.marketplaceConnect, 'walmart_us', 'Walmart', 'Walmart US'), tags: [] };
      return { sourceName: 'walmart', app: APPS.cedcommerce, channel: null, tags: ['walmart'] };
    case 'etsy':
      if (r < 0.6) return { sourceName: String(APPS.marketplaceConnect.id), app: APPS.marketplaceConnect, channel: channel(APPS.marketplaceConnect, 'etsy', 'Etsy', 'Etsy'), tags: [] };
      return { sourceName: 'etsy', app: APPS.etsyIntegration, channel: null, tags: ['Etsy'] };
    case 'mirakl': {
      const operator = pick(rng, MIRAKL_OPERATORS);
      return { sourceName: String(APPS.mirakl.id), app: APPS.mirakl, channel: channel(APPS.mirakl, `mirakl_${operator.toLowerCase().replace(/\s+/g, '_')}`, operator, `${operator} Marketplace`), tags: ['Mirakl', operator] };
    }
    case 'tiktok':
      return { sourceName: String(APPS.tiktok.id), app: APPS.tiktok, channel: channel(APPS.tiktok, 'tiktok_shop', 'TikTok Shop', `TikTok Shop ${region}`), tags: [] };
    case 'kaufland':
    case 'allegro':
      if (r < 0.5) return { sourceName: marketplace, app: APPS.m2e, channel: null, tags: ['M2E', label.split(' ')[0] as string] };
      return { sourceName: marketplace, app: APPS.cedcommerce, channel: null, tags: [marketplace] };
    default:
      if (r < 0.5) return { sourceName: marketplace, app: APPS.cedcommerce, channel: null, tags: [marketplace] };
      return { sourceName: String(APPS.genericConnector.id), app: APPS.genericConnector, channel: null, tags: [label.split(/[\s(/]/)[0] as string] };
  }
}

export function onlineStoreProvenance(): Provenance {
  return { sourceName: 'web', app: APPS.onlineStore, channel: channel(APPS.onlineStore, 'online_store', 'Online Store', 'Online Store', false), tags: [] };
}

export function posProvenance(): Provenance {
  return { sourceName: 'pos', app: APPS.pos, channel: channel(APPS.pos, 'pos', 'Point of Sale', 'Point of Sale', false), tags: [] };
}

export function draftProvenance(): Provenance {
  return { sourceName: 'shopify_draft_order', app: APPS.draftOrders, channel: null, tags: [] };
}
