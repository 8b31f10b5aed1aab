import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFIX, detectMarketplace, isRelayDomain, splitEmail } from '../../lib/marketplaces';
import { restoreEmail, rewriteEmail } from '../../lib/rewrite';
import { anyAddress, messyInput, orderId, ownDomain, prefix, relayAddress, strategy } from './address-arbitraries';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 300) };

describe('rewrite laws (fast-check)', () => {
  it('every strategy is idempotent: rewriting its result changes nothing', () => {
    fc.assert(
      fc.property(messyInput, strategy, orderId, (email, s, id) => {
        const first = rewriteEmail(email, s, { orderId: id });
        if (!first.ok) return;
        const second = rewriteEmail(first.email, s, { orderId: id });
        expect(second).toEqual({ ok: true, email: first.email, changed: false });
      }),
      RUNS,
    );
  });

  it('results are always valid addresses (≤ 64 before the @, ≤ 254 in all) or no email, and never throw', () => {
    fc.assert(
      fc.property(messyInput, strategy, orderId, (email, s, id) => {
        const result = rewriteEmail(email, s, { orderId: id });
        if (!result.ok) {
          expect(result.code).toMatch(/^[a-z_]+$/);
          return;
        }
        if (result.email === null) return;
        const parts = splitEmail(result.email);
        expect(parts, result.email).not.toBeNull();
        expect(parts!.local.length).toBeLessThanOrEqual(64);
        expect(result.email.length).toBeLessThanOrEqual(254);
      }),
      RUNS,
    );
  });

  it('prefix then restore gives the original address back', () => {
    fc.assert(
      fc.property(anyAddress, prefix, (email, p) => {
        const local = email.split('@')[0]!.toLowerCase();
        fc.pre(!local.startsWith(p.toLowerCase()) && !local.startsWith(DEFAULT_PREFIX));
        const written = rewriteEmail(email, { kind: 'prefix', prefix: p });
        if (!written.ok) return; // too long: refused, nothing to restore
        expect(written.changed).toBe(true);
        expect(restoreEmail(written.email, { prefix: p })).toEqual({ ok: true, email, changed: true });
      }),
      RUNS,
    );
  });

  it('a prefixed relay address is still recognised, as neutralised by prefix', () => {
    fc.assert(
      fc.property(relayAddress, prefix, (email, p) => {
        const written = rewriteEmail(email, { kind: 'prefix', prefix: p });
        if (!written.ok) return;
        const before = detectMarketplace(email)!;
        expect(detectMarketplace(written.email!, { neutral: { prefix: p } })).toMatchObject({ marketplace: before.marketplace, neutralised: 'prefix' });
      }),
      RUNS,
    );
  });

  it('a domain rewrite never yields a relay address', () => {
    fc.assert(
      fc.property(relayAddress, ownDomain, fc.constantFrom<'keep' | 'order-id'>('keep', 'order-id'), orderId, (email, domain, localPart, id) => {
        const result = rewriteEmail(email, { kind: 'domain', domain, localPart }, { orderId: id });
        if (!result.ok || result.email === null) return;
        expect(isRelayDomain(result.email.split('@')[1])).toBe(false);
        expect(detectMarketplace(result.email)).toBeNull();
        expect(detectMarketplace(result.email, { originalEmail: email, neutral: { domain } })).toMatchObject({ neutralised: 'domain' });
      }),
      RUNS,
    );
  });

  it('restoring with the recorded original undoes every strategy', () => {
    fc.assert(
      fc.property(relayAddress, strategy, orderId, (email, s, id) => {
        const result = rewriteEmail(email, s, { orderId: id });
        if (!result.ok) return;
        expect(restoreEmail(result.email, { original: email })).toMatchObject({ ok: true, email });
      }),
      RUNS,
    );
  });

  it('detectMarketplace never throws and is null for anything that is not a string', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (value, context) => {
        const detection = detectMarketplace(value as string, context as never);
        if (typeof value !== 'string' && (context === null || typeof context !== 'object')) expect(detection).toBeNull();
      }),
      RUNS,
    );
  });

  it('detection ignores case and surrounding whitespace', () => {
    fc.assert(
      fc.property(relayAddress, fc.constantFrom(' ', '\t', '\n', ''), (email, pad) => {
        const expected = detectMarketplace(email);
        expect(detectMarketplace(`${pad}${email.toUpperCase()}${pad}`)?.marketplace).toBe(expected?.marketplace);
        expect(detectMarketplace(email.toLowerCase())?.marketplace).toBe(expected?.marketplace);
      }),
      RUNS,
    );
  });
});
