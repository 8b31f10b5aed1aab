import { describe, expect, it } from 'vitest';
import source from '../../lib/marketplace-evidence/proxy-domains.source.json';
import unverified from '../../lib/marketplace-evidence/proxy-domains.unverified.json';
import { CATALOGUE, SUGGESTED_EXTRA_DOMAINS } from '../../lib/marketplaces-catalogue';
import { detectMarketplace, isRelayDomain, splitEmail } from '../../lib/marketplaces';


interface SourceRecord {
  marketplace: string;
  domains: string[];
  evidence: { source: string; quote: string }[];
  extra_placeholder_addresses?: string[];
}
const records = source as SourceRecord[];
const ownerOf = (key: string) => CATALOGUE.find((entry) => entry.evidence.key === key && !entry.operatorOf);

describe('marketplace catalogue ↔ evidence', () => {
  it('every evidence record is the evidence of exactly one catalogue entry', () => {
    for (const record of records) expect(ownerOf(record.marketplace), record.marketplace).toBeDefined();
    const owners = records.map((record) => ownerOf(record.marketplace)!.id);
    expect(new Set(owners).size).toBe(owners.length);
  });

  it('every catalogue entry points at a real evidence record, or says it is context-only', () => {
    const keys = new Set(records.map((record) => record.marketplace));
    for (const entry of CATALOGUE) {
      if (entry.evidence.key === null) expect(entry.evidence.confidence, entry.id).toBe('context-only');
      else expect(keys.has(entry.evidence.key), entry.id).toBe(true);
      for (const url of entry.evidence.urls) {
        expect(url.startsWith('https://'), url).toBe(true);
        expect(JSON.stringify(source).includes(url), url).toBe(true);
      }
    }
  });

  it('ids are unique lower-case words and every entry has a label and a way to be found', () => {
    const ids = CATALOGUE.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of CATALOGUE) {
      expect(entry.id).toMatch(/^[a-z]+$/);
      expect(entry.label.length).toBeGreaterThan(0);
      expect(entry.keywords.length, entry.id).toBeGreaterThan(0);
    }
  });

  const domainRows = records.flatMap((record) => record.domains.map((domain) => [record.marketplace, domain] as const));
  it.each(domainRows)('%s: every documented domain is detected (%s)', (key, domain) => {
    const id = ownerOf(key)!.id;
    expect(detectMarketplace(`buyer1x2y3z@${domain}`)).toEqual({ marketplace: id, label: ownerOf(key)!.label, via: 'email', neutralised: null });
    expect(detectMarketplace(`Buyer1X2Y3Z@${domain.toUpperCase()}`)?.marketplace).toBe(id);
    expect(isRelayDomain(domain)).toBe(true);
  });

  const quoted = records.flatMap((record) =>
    record.evidence.flatMap((item) => (item.quote.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/g) ?? []).map((address) => [record.marketplace, address] as const)),
  );
  it('the evidence quotes contain many real sample addresses', () => expect(quoted.length).toBeGreaterThan(40));
  it.each(quoted)('%s: sample address from the evidence is detected: %s', (key, address) => {
    const local = address.split('@')[0]!.toLowerCase();
    // Elided samples ("x+2a7e7298-...@") are not addresses; "%@…" is an SQL pattern, not a sample.
    if (!splitEmail(address) || local === '%') return;
    const detection = detectMarketplace(address);
    // A quote may list another marketplace's domain (a filter list): that record's owner is expected.
    const domain = address.split('@')[1]!.toLowerCase();
    const lister = records.find((record) => record.domains.includes(domain));
    if (['noreply', 'powiadomienia', 'ertesitesek'].includes(local)) expect(detection).toBeNull();
    else expect(detection?.marketplace, address).toBe(ownerOf(lister?.marketplace ?? key)!.id);
  });

  it('Walmart placeholders from the evidence are recognised as "no real email"', () => {
    const walmart = records.find((record) => record.extra_placeholder_addresses)!;
    for (const address of walmart.extra_placeholder_addresses!) {
      expect(detectMarketplace(address)).toEqual({ marketplace: 'walmart', label: 'Walmart', via: 'email', neutralised: null, placeholder: true });
    }
  });

  it('unverified guesses are not detections, but can be switched on as extra domains', () => {
    const guesses = (unverified as { unverified: { domains: string[] }[] }).unverified.flatMap((item) => item.domains);
    expect(guesses).toContain('relay.walmart.ca?');
    for (const { domain } of SUGGESTED_EXTRA_DOMAINS) {
      expect(guesses.some((guess) => guess.startsWith(domain)), domain).toBe(true);
      expect(detectMarketplace(`abc@${domain}`)).toBeNull();
      expect(detectMarketplace(`abc@${domain}`, {}, [domain])?.marketplace).toBe('custom');
    }
  });
});
