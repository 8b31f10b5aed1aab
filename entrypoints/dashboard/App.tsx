/**
 * The bulk dashboard: scan → counts → filtered preview → dry run → apply with progress, pause/resume/
 * cancel, results with reasons, retry, and the audit log with undo and CSV export. The work itself runs
 * in the background (lib/bulk.ts); this page only asks for it and polls its status, so closing the tab
 * stops nothing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Banner, Page, Spinner, Text } from '@/components';
import type { Locale } from '@/lib/i18n';
import type { ApplyPath, BulkFilters, BulkJob, JobStatusView } from '@/lib/bulk/types';
import type { AppError } from '@/lib/result';
import { sendMessage } from '@/lib/messaging';
import { requestStorageHosts } from '@/lib/platform/storage-hosts';
import { LocaleProvider, errorText, useT } from './i18n';
import { ScanSection } from './views/ScanSection';
import { PreviewSection } from './views/PreviewSection';
import { RunSection } from './views/RunSection';
import { AuditSection } from './views/AuditSection';
import { FlowSection } from './views/FlowSection';

export function App(props: { locale: Locale; handle: string | null }) {
  return (
    <LocaleProvider locale={props.locale}>
      <div className="pmg-dashboard">{props.handle ? <Dashboard handle={props.handle} /> : <NoStore />}</div>
    </LocaleProvider>
  );
}

function NoStore() {
  const t = useT();
  return (
    <Page title={t('dash_title')}>
      <Banner tone="warning" title={t('dash_no_store_title')}>
        {t('dash_no_store_body')}
      </Banner>
    </Page>
  );
}

const ACTIVE = new Set<BulkJob['status']>(['scanning', 'running']);

function Dashboard({ handle }: { handle: string }) {
  const t = useT();
  const store = { handle };
  const [scanJob, setScanJob] = useState<JobStatusView | null>(null);
  const [undoJob, setUndoJob] = useState<JobStatusView | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [auditVersion, setAuditVersion] = useState(0);
  // Jobs the merchant refused Shopify's file storage for (so they run one by one): said on their card.
  const [refused, setRefused] = useState<ReadonlySet<string>>(new Set());
  const poll = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refresh = useCallback(async (jobId: string, which: 'fix' | 'undo') => {
    const r = await sendMessage('bulkStatus', { jobId });
    if (!r.ok) {
      setError(r.error);
      return null;
    }
    (which === 'fix' ? setScanJob : setUndoJob)(r.value);
    return r.value;
  }, []);

  // The latest fix job and the latest undo of this store, as the background knows them.
  useEffect(() => {
    void (async () => {
      const jobs = await sendMessage('bulkJobs', { store });
      if (!jobs.ok) setError(jobs.error);
      else {
        const fix = jobs.value.find((j) => j.kind === 'fix');
        const undo = jobs.value.find((j) => j.kind === 'undo');
        if (fix) await refresh(fix.id, 'fix');
        if (undo && ACTIVE.has(undo.status)) await refresh(undo.id, 'undo');
      }
      setLoaded(true);
    })();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [handle]);

  // Poll while something runs in the background.
  useEffect(() => {
    const running = [scanJob, undoJob].filter((v): v is JobStatusView => !!v && ACTIVE.has(v.job.status));
    if (!running.length) return;
    poll.current = setTimeout(() => {
      void Promise.all(running.map((v) => refresh(v.job.id, v.job.kind))).then((views) => {
        if (views.some((v) => v && !ACTIVE.has(v.job.status))) setAuditVersion((n) => n + 1);
      });
    }, 600);
    return () => {
      if (poll.current) clearTimeout(poll.current);
    };
  }, [scanJob, undoJob, refresh]);

  // Buttons fire and forget: every call answers a Result (sendMessage never rejects), shown in the banner.
  const act = useCallback(
    (run: () => Promise<{ ok: true; value: BulkJob } | { ok: false; error: AppError }>, which: 'fix' | 'undo' = 'fix'): void => {
      setError(null);
      void run().then(async (r) => {
        if (!r.ok) {
          setError(r.error);
          return;
        }
        await refresh(r.value.id, which);
        setAuditVersion((n) => n + 1);
      });
    },
    [refresh],
  );

  /**
   * Runs `send` through Shopify's bulk changes if the merchant gives access to Shopify's file storage,
   * else one by one. The browser asks only during a click, so the request is the first thing done
   * (no await before it); when access is already given it answers at once without asking.
   */
  const withStorage = (send: (granted: boolean) => Promise<{ ok: true; value: BulkJob } | { ok: false; error: AppError }>, which: 'fix' | 'undo'): void => {
    const asked = requestStorageHosts();
    act(async () => {
      const granted = await asked;
      const r = await send(granted);
      if (r.ok) {
        setRefused((before) => {
          const next = new Set(before);
          if (granted) next.delete(r.value.id);
          else next.add(r.value.id);
          return next;
        });
      }
      return r;
    }, which);
  };

  const start = (jobId: string, filters: BulkFilters, customer: boolean, path: ApplyPath): void => {
    if (path !== 'bulk-mutation') act(() => sendMessage('bulkStart', { jobId, filters, customer }));
    else withStorage((granted) => sendMessage('bulkStart', { jobId, filters, customer, ...(granted ? { path: 'bulk-mutation' as const } : {}) }), 'fix');
  };

  // A batch sent by bulk changes is undone the same way: the storage access is asked again (the
  // merchant may have taken it back since); refused, the engine puts the orders back one by one.
  const undoBatch = (batch: BulkJob): void => {
    if (batch.options.path !== 'bulk-mutation') act(() => sendMessage('bulkUndoBatch', { batchId: batch.id }), 'undo');
    else withStorage(() => sendMessage('bulkUndoBatch', { batchId: batch.id }), 'undo');
  };

  if (!loaded) {
    return (
      <Page title={t('dash_title')}>
        <Spinner label={t('dash_loading')} />
      </Page>
    );
  }

  const job = scanJob?.job ?? null;
  const applied = job && (job.progress.total > 0 || job.status === 'running');
  return (
    <Page title={t('dash_title')} subtitle={t('dash_subtitle', { store: `${handle}.myshopify.com` })}>
      <Text tone="secondary">{t('dash_intro')}</Text>
      {error ? (
        <Banner tone="critical" title={t('dash_error_title')} onDismiss={() => setError(null)} dismissLabel={t('dash_dismiss')}>
          {errorText(t, error)}
        </Banner>
      ) : null}
      <ScanSection view={scanJob} onScan={() => act(() => sendMessage('bulkScan', { store }))} />
      {job && job.scan.finishedAt ? (
        <>
          {job.status === 'scanned' || job.status === 'done' || job.status === 'cancelled' ? (
            <PreviewSection job={job} onStart={(filters, customer, path) => start(job.id, filters, customer, path)} />
          ) : null}
          {applied ? (
            <RunSection
              view={scanJob!}
              storageRefused={refused.has(job.id)}
              onPause={() => act(() => sendMessage('bulkPause', { jobId: job.id }))}
              onResume={() => act(() => sendMessage('bulkResume', { jobId: job.id }))}
              onCancel={() => act(() => sendMessage('bulkCancel', { jobId: job.id }))}
              onRetry={() => act(() => sendMessage('bulkRetryFailed', { jobId: job.id }))}
              onUndo={() => undoBatch(job)}
            />
          ) : null}
        </>
      ) : null}
      {undoJob ? <RunSection view={undoJob} storageRefused={refused.has(undoJob.job.id)} onPause={() => act(() => sendMessage('bulkPause', { jobId: undoJob.job.id }), 'undo')} onResume={() => act(() => sendMessage('bulkResume', { jobId: undoJob.job.id }), 'undo')} onCancel={() => act(() => sendMessage('bulkCancel', { jobId: undoJob.job.id }), 'undo')} onRetry={() => act(() => sendMessage('bulkRetryFailed', { jobId: undoJob.job.id }), 'undo')} /> : null}
      <FlowSection handle={handle} />
      <AuditSection
        handle={handle}
        version={auditVersion}
        onUndoOrders={(orders) => act(() => sendMessage('bulkUndoOrders', { store, orders }), 'undo')}
        onError={setError}
      />
    </Page>
  );
}
