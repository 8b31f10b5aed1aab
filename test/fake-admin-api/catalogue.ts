import { readFileSync } from 'node:fs';
import { BASE32, chars, DIGITS, HEX, int, LOWER, LOWER_ALNUM, MIXED_ALNUM, pick, UPPER_HEX, type Rng } from './random.ts';
import { evidenceFile } from './paths.ts';

/**
 * The marketplace catalogue as the seeded generator sees it: read from the project's evidence file
 * (lib/marketplace-evidence/proxy-domains.source.json) so every marketplace listed there gets orders,
 * each with a relay address shaped like the evidence describes.
 */
export interface CatalogueMarketplace {
  id: string; // amazon, ebay, walmart, mirakl, ...
  label: string; // the catalogue's own name
  domains: string[];
  /** Shapes a buyer's relay local part the way the evidence shows it. */
  localPart(rng: Rng): string;
  /** The marketplace's own order number format (Shopify's sourceIdentifier). */
  orderNumber(rng: Rng): string;
}

interface SourceEntry {
  marketplace: string;
  domains: string[];
}

const FIRST_NAMES = ['anna', 'lukas', 'marie', 'jonas', 'sofia', 'pierre', 'giulia', 'carlos', 'emma', 'noah', 'lena', 'hugo', 'chloe', 'mateo', 'olivia', 'finn', 'lucia', 'tom', 'ines', 'piotr'];
const LAST_NAMES = ['schmidt', 'martin', 'rossi', 'garcia', 'muller', 'dubois', 'bianchi', 'lopez', 'smith', 'jansen', 'nowak', 'moreau', 'ferrari', 'fischer', 'brown', 'devries', 'kowalski', 'bernard', 'weber', 'taylor'];

function numberGroups(rng: Rng, groups: number[]): string {
  return groups.map((n) => chars(rng, DIGITS, n)).join('-');
}

/** Local-part and order-number shapes per marketplace id (pattern notes of the catalogue). */
const SHAPES: Record<string, Pick<CatalogueMarketplace, 'localPart' | 'orderNumber'>> = {
  amazon: {
    localPart: (rng) => {
      const alias = chars(rng, LOWER_ALNUM, 15);
      return rng() < 0.08 ? `${alias}+${chars(rng, HEX, 8)}` : alias;
    },
    orderNumber: (rng) => `${pick(rng, ['111', '112', '113', '114', '171', '202', '205', '302', '303', '402', '405', '702'])}-${chars(rng, DIGITS, 7)}-${chars(rng, DIGITS, 7)}`,
  },
  ebay: {
    localPart: (rng) =>
      rng() < 0.8 ? chars(rng, HEX, 20) : `${pick(rng, FIRST_NAMES)}${pick(rng, LAST_NAMES).slice(0, 4)}_${chars(rng, LOWER_ALNUM, 6)}`,
    orderNumber: (rng) => numberGroups(rng, [2, 5, 5]),
  },
  walmart: { localPart: (rng) => chars(rng, UPPER_HEX, 32), orderNumber: (rng) => `10${chars(rng, DIGITS, 11)}` },
  mirakl: {
    localPart: (rng) => (rng() < 0.9 ? `${chars(rng, LOWER_ALNUM, 11)}.${chars(rng, LOWER_ALNUM, 9)}` : `notification+${chars(rng, LOWER_ALNUM, 25)}.${chars(rng, LOWER_ALNUM, 8)}`),
    orderNumber: (rng) => `${chars(rng, DIGITS, 8)}-A`,
  },
  kaufland: { localPart: (rng) => `${chars(rng, LOWER_ALNUM, 8)}-${chars(rng, HEX, 12)}`, orderNumber: (rng) => chars(rng, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 7) },
  allegro: { localPart: (rng) => `${chars(rng, LOWER_ALNUM, 10)}+${chars(rng, HEX, 9)}`, orderNumber: (rng) => `${chars(rng, HEX, 8)}-${chars(rng, HEX, 4)}-11ef-${chars(rng, HEX, 4)}-${chars(rng, HEX, 12)}` },
  tiktok: { localPart: (rng) => `v${chars(rng, MIXED_ALNUM, 24)}${chars(rng, DIGITS, 4)}`, orderNumber: (rng) => `57${chars(rng, DIGITS, 16)}` },
  temu: { localPart: (rng) => `${chars(rng, LOWER_ALNUM, 10)}${chars(rng, DIGITS, 4)}${chars(rng, LOWER, 1)}`, orderNumber: (rng) => `PO-${pick(rng, ['211', '076', '101'])}-${chars(rng, DIGITS, 17)}` },
  mercadolibre: {
    localPart: (rng) => {
      const base = `${pick(rng, FIRST_NAMES)}${pick(rng, LAST_NAMES)}`.slice(0, 7);
      const mid = chars(rng, LOWER_ALNUM, int(rng, 6, 7));
      return rng() < 0.5 ? `${base}.${mid}+2-${chars(rng, BASE32, 16)}` : `${base}.${mid}`;
    },
    orderNumber: (rng) => `200000${chars(rng, DIGITS, 10)}`,
  },
  bol: { localPart: (rng) => `2${chars(rng, BASE32, 29)}`, orderNumber: (rng) => `A000${chars(rng, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 6)}` },
  newegg: { localPart: (rng) => (rng() < 0.7 ? chars(rng, LOWER_ALNUM, int(rng, 16, 17)) : `cusa.${chars(rng, LOWER_ALNUM, 14)}`), orderNumber: (rng) => chars(rng, DIGITS, 9) },
  manomano: { localPart: (rng) => `m_${chars(rng, LOWER_ALNUM, 11)}`, orderNumber: (rng) => `M${chars(rng, DIGITS, 10)}` },
  fnac: { localPart: (rng) => chars(rng, DIGITS, 8), orderNumber: (rng) => chars(rng, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 13) },
  rakuten: { localPart: (rng) => chars(rng, LOWER_ALNUM, 18), orderNumber: (rng) => `${chars(rng, DIGITS, 6)}-${chars(rng, DIGITS, 8)}-${chars(rng, DIGITS, 10)}` },
};

/** Fallback for entries added to the catalogue later: still a relay on one of their domains. */
const GENERIC_SHAPE: Pick<CatalogueMarketplace, 'localPart' | 'orderNumber'> = {
  localPart: (rng) => chars(rng, LOWER_ALNUM, 16),
  orderNumber: (rng) => chars(rng, DIGITS, 12),
};

const ID_BY_FIRST_WORD: Record<string, string> = { mercado: 'mercadolibre', 'bol.com': 'bol' };

export function marketplaceId(label: string): string {
  const first = (label.split(/[\s(/-]/)[0] ?? label).toLowerCase();
  return ID_BY_FIRST_WORD[first] ?? first.replace(/[^a-z0-9]/g, '');
}

let cached: CatalogueMarketplace[] | undefined;

/** Every catalogue entry, in file order (Etsy included, with no domains). */
export function catalogue(): CatalogueMarketplace[] {
  if (!cached) {
    const entries = JSON.parse(readFileSync(evidenceFile('proxy-domains.source.json'), 'utf8')) as SourceEntry[];
    cached = entries.map((entry) => {
      const id = marketplaceId(entry.marketplace);
      return { id, label: entry.marketplace, domains: entry.domains.filter((d) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(d)), ...(SHAPES[id] ?? GENERIC_SHAPE) };
    });
  }
  return cached;
}

export function catalogueEntry(id: string): CatalogueMarketplace {
  const entry = catalogue().find((m) => m.id === id);
  if (!entry) throw new Error(`Fake Admin API: marketplace "${id}" is not in the evidence catalogue`);
  return entry;
}

/** Real-looking personal addresses (Etsy buyers, web shoppers). */
export const PERSONAL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'gmx.de', 'web.de', 'orange.fr', 'free.fr', 'libero.it', 'hotmail.es', 'icloud.com', 'ziggo.nl', 't-online.de'];

export function personName(rng: Rng): { first: string; last: string } {
  return { first: pick(rng, FIRST_NAMES), last: pick(rng, LAST_NAMES) };
}

export function personalEmail(rng: Rng, name = personName(rng)): string {
  const style = Math.floor(rng() * 4);
  const local =
    style === 0 ? `${name.first}.${name.last}` : style === 1 ? `${name.first}${name.last}${int(rng, 1, 99)}` : style === 2 ? `${name.first[0]}${name.last}` : `${name.first}_${name.last}${int(rng, 1970, 2005)}`;
  return `${local}@${pick(rng, PERSONAL_DOMAINS)}`;
}
