/**
 * The run card's account of how a job is sent: Shopify's bulk changes with the round's stage and its
 * numbers, one by one, the refusal of Shopify's file storage and the engine's fallback notice — and
 * the finished counts, which never call an order left as it was "changed".
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../lib/i18n';
import type { BulkJob, MutationRound } from '../../lib/bulk/types';
import { LocaleProvider } from '../../entrypoints/dashboard/i18n';
import { RunPath } from '../../entrypoints/dashboard/views/RunPath';
import { RunSection } from '../../entrypoints/dashboard/views/RunSection';

function job(over: Partial<BulkJob> = {}): BulkJob {
  return {
    id: 'j1',
    store: 'demo-store',
    kind: 'fix',
    status: 'running',
    createdAt: '2026-11-29T10:00:00Z',
    updatedAt: '2026-11-29T10:00:00Z',
    scan: { path: 'paging', cursor: null, bulkOperationId: null, linesDone: 0, scanned: 5000, ordinary: 0, byMarketplace: {}, finishedAt: '2026-11-29T10:00:00Z' },
    options: { filters: {}, dryRun: false, customer: false, path: 'bulk-mutation' },
    progress: { total: 2500, done: 0, changed: 0, failed: 0, remaining: 2500 },
    stats: { activeMs: 0, processed: 0 },
    ...over,
  };
}

const round = (over: Partial<MutationRound>): MutationRound => ({ round: 1, stage: 'staging', stagedUploadPath: null, operationId: null, resultUrl: null, linesRead: 0, lines: 2500, operationStatus: null, ...over });
const text = (locale: Locale, j: BulkJob, refused = false) =>
  (render(<LocaleProvider locale={locale}><RunPath job={j} refused={refused} /></LocaleProvider>).container.textContent ?? '').replace(/\s+/g, ' ');

describe('RunPath', () => {
  it.each([
    ['staging', {}, 'Uploading the changes to Shopify…'],
    ['running', {}, 'Shopify is changing 2,500 orders…'],
    ['reconciling', { linesRead: 1200 }, "Reading Shopify's results: 1,200 of 2,500…"],
    ['checking', {}, 'Checking the orders Shopify did not confirm…'],
  ] as const)('shows the %s stage with its numbers', (stage, extra, said) => {
    const shown = text('en', job({ mutation: round({ stage, ...extra }) }));
    expect(shown).toContain("Sent with Shopify's bulk changes.");
    expect(shown).toContain(said);
    expect(shown).toContain('you may close this browser');
  });

  it('names a later round, in the merchant’s language', () => {
    expect(text('en', job({ mutation: round({ round: 2, stage: 'running', lines: 1 }) }))).toContain('Round 2 of 3 · Shopify is changing 1 order…');
    // (text() folds every space: French groups digits with a narrow no-break space.)
    expect(text('fr', job({ mutation: round({ stage: 'reconciling', linesRead: 1200 }) }))).toContain('Lecture des résultats de Shopify : 1 200 sur 2 500…');
    expect(text('pl', job({ mutation: round({ stage: 'running', lines: 5 }) }))).toContain('Shopify zmienia 5 zamówień…');
  });

  it('says plainly when access was refused, once (the engine’s fallback notice is not repeated)', () => {
    const fellBack = job({ options: { filters: {}, dryRun: false, customer: false, path: 'per-order' }, notice: { code: 'bulk_path_unavailable', message: 'fallback', params: { reason: 'unsupported' } } });
    const refused = text('en', fellBack, true);
    expect(refused).toContain("Access to Shopify's file storage was not given, so the orders are changed one by one. This takes longer and needs this browser open.");
    expect(refused).toContain('Sent one by one.');
    expect(refused).not.toContain('could not be used this time');
    // Without a refusal at the prompt, the engine's notice is the explanation.
    expect(text('en', fellBack)).toContain("Shopify's bulk changes could not be used this time, so the orders are changed one by one.");
    expect(text('de', fellBack)).toContain('Die Massenänderungen von Shopify konnten diesmal nicht genutzt werden');
  });
});

describe('finished counts', () => {
  const noop = () => undefined;
  it('an undo counts only the orders it put back; the others are said to be left as they are', () => {
    const undo = job({ kind: 'undo', status: 'done', progress: { total: 10, done: 10, changed: 7, failed: 0, remaining: 0 } });
    render(<LocaleProvider locale="en"><RunSection view={{ job: undo, etaSeconds: null, ordersPerSecond: null }} onPause={noop} onResume={noop} onCancel={noop} onRetry={noop} /></LocaleProvider>);
    expect(screen.getByText('Undone: 7 orders have their original address again.')).toBeTruthy();
    expect(screen.getByText('3 orders were left as they are: they already had the change, or someone changed them in the meantime.')).toBeTruthy();
  });
});
