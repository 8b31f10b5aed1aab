import { useEffect, useState } from 'react';
import { Badge, Banner, Button, Card, CardSection, Text } from '@/components';
import { ProgressBar } from '@/components/dashboard/ProgressBar';
import { DataTable, Pager } from '@/components/dashboard/DataTable';
import type { JobItem, JobStatusView } from '@/lib/bulk/types';
import { sendMessage } from '@/lib/messaging';
import { errorText, useFormat, useT } from '../i18n';
import { Email } from './PreviewSection';
import { RunPath } from './RunPath';

const PAGE = 10;

function duration(t: (k: string, p?: Record<string, string | number>) => string, seconds: number): string {
  if (seconds < 60) return t('dash_eta_seconds', { n: Math.max(1, Math.round(seconds)) });
  if (seconds < 3600) return t('dash_eta_minutes', { n: Math.round(seconds / 60) });
  return t('dash_eta_hours', { h: Math.floor(seconds / 3600), m: Math.round((seconds % 3600) / 60) });
}

/**
 * Progress of a fix or undo run: how it is sent (and its bulk stage), bar, counts, ETA, controls,
 * failures with their reasons. `storageRefused`: the merchant refused Shopify's file storage for it.
 */
export function RunSection(props: { view: JobStatusView; storageRefused?: boolean; onPause: () => void; onResume: () => void; onCancel: () => void; onRetry: () => void; onUndo?: () => void }) {
  const t = useT();
  const f = useFormat();
  const { job, etaSeconds } = props.view;
  const p = job.progress;
  const undo = job.kind === 'undo';
  const [failed, setFailed] = useState<{ items: JobItem[]; matched: number } | null>(null);
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (p.failed === 0) {
      setFailed(null);
      return;
    }
    void sendMessage('bulkPreview', { jobId: job.id, status: 'failed', offset, limit: PAGE }).then((r) => r.ok && setFailed(r.value));
  }, [job.id, p.failed, offset]);

  const statusTone = job.status === 'done' ? (p.failed ? 'warning' : 'success') : job.status === 'running' ? 'info' : job.status === 'paused' ? 'attention' : 'neutral';
  return (
    <Card title={undo ? t('dash_undo_title') : t('dash_run_title')} actions={<Badge tone={statusTone}>{t(`dash_status_${job.status}`)}</Badge>}>
      <CardSection>
        <RunPath job={job} refused={props.storageRefused ?? false} />
        <ProgressBar done={p.done} failed={p.failed} total={p.total} label={t('dash_progress_label')} />
        <div className="pmg-stats" data-testid="bulk-stats">
          <div className="pmg-stat">
            <span className="pmg-stat__value">{f.n(p.done)}</span>
            <span className="pmg-text--secondary">{t('dash_done')}</span>
          </div>
          <div className="pmg-stat">
            <span className="pmg-stat__value">{f.n(p.failed)}</span>
            <span className="pmg-text--secondary">{t('dash_failed')}</span>
          </div>
          <div className="pmg-stat">
            <span className="pmg-stat__value">{f.n(p.remaining)}</span>
            <span className="pmg-text--secondary">{t('dash_remaining')}</span>
          </div>
          <div className="pmg-stat">
            <span className="pmg-stat__value">{job.status === 'running' && etaSeconds !== null && p.remaining > 0 ? duration(t, etaSeconds) : '—'}</span>
            <span className="pmg-text--secondary">{t('dash_eta')}</span>
          </div>
        </div>
        {job.error ? (
          <Banner tone="warning" title={t('dash_paused_because')}>
            {errorText(t, job.error)}
          </Banner>
        ) : null}
        {job.status === 'done' && !undo && p.failed === 0 ? <Text tone="success">{t('dash_all_done', { count: p.changed })}</Text> : null}
        {job.status === 'done' && undo ? <Text tone="success">{t('dash_undo_done', { count: p.changed })}</Text> : null}
        {/* Done without a change: it already had it, or was edited since (never counted as changed). */}
        {job.status === 'done' && p.done > p.changed ? <Text tone="secondary">{t('dash_left_as_is', { count: p.done - p.changed })}</Text> : null}
        <div className="pmg-inline pmg-gap-200">
          {job.status === 'running' ? <Button onClick={props.onPause}>{t('dash_pause')}</Button> : null}
          {job.status === 'paused' ? (
            <Button variant="primary" onClick={props.onResume}>
              {t('dash_resume')}
            </Button>
          ) : null}
          {job.status === 'running' || job.status === 'paused' ? (
            <Button variant="critical" onClick={props.onCancel}>
              {t('dash_cancel')}
            </Button>
          ) : null}
          {p.failed > 0 && job.status !== 'running' ? <Button onClick={props.onRetry}>{t('dash_retry_failed', { count: p.failed })}</Button> : null}
          {props.onUndo && p.changed > 0 && job.status !== 'running' ? <Button onClick={props.onUndo}>{t('dash_undo_batch')}</Button> : null}
        </div>
        {job.status === 'running' ? <Text tone="secondary" small>{t('dash_runs_in_background')}</Text> : null}
      </CardSection>
      {failed && failed.items.length ? (
        <CardSection title={t('dash_failures_title')}>
          <DataTable<JobItem>
            testId="bulk-failures"
            caption={t('dash_failures_title')}
            rows={failed.items}
            rowKey={(i) => i.orderId}
            columns={[
              { key: 'order', nowrap: true, header: t('dash_col_order'), cell: (i) => i.name },
              { key: 'market', header: t('dash_col_marketplace'), cell: (i) => i.label },
              { key: 'email', header: t('dash_col_email'), cell: (i) => <Email value={i.email} /> },
              { key: 'reason', header: t('dash_col_reason'), cell: (i) => (i.error ? errorText(t, i.error) : '') },
            ]}
          />
          {failed.matched > PAGE ? (
            <Pager
              offset={offset}
              limit={PAGE}
              total={failed.matched}
              onChange={setOffset}
              labels={{ previous: t('dash_previous'), next: t('dash_next'), range: t('dash_range', { from: f.n(offset + 1), to: f.n(Math.min(offset + PAGE, failed.matched)), total: f.n(failed.matched) }) }}
            />
          ) : null}
        </CardSection>
      ) : null}
    </Card>
  );
}
