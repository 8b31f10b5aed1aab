import { Banner, Text } from '@/components';
import type { BulkJob } from '@/lib/bulk/types';
import { MAX_ROUNDS } from '@/lib/bulk/mutation-path';
import { errorText, useT } from '../i18n';

/**
 * How a run sends its changes, in plain words: Shopify's bulk changes (with the round's stage and its
 * numbers) or one by one — and why, when the bulk path was asked for but could not be used.
 * `refused`: the merchant did not give access to Shopify's file storage when the dashboard asked.
 */
export function RunPath(props: { job: BulkJob; refused: boolean }) {
  const t = useT();
  const { job } = props;
  const bulk = job.options.path === 'bulk-mutation';
  const m = job.mutation;
  const running = job.status === 'running';
  // Refused at the prompt: our own sentence says it all (the engine's fallback notice would repeat it).
  const notice = job.notice && !(props.refused && job.notice.code === 'bulk_path_unavailable') ? job.notice : null;
  return (
    <div className="pmg-run-path" data-testid="bulk-path" data-kind={job.kind}>
      <Text tone="secondary" small>
        {bulk ? t('dash_run_by_bulk') : t('dash_run_per_order')}
      </Text>
      {props.refused ? (
        <Banner tone="warning" title={t('dash_storage_refused_title')}>
          {t('dash_storage_refused')}
        </Banner>
      ) : null}
      {notice ? <Banner tone="warning">{errorText(t, notice)}</Banner> : null}
      {bulk && m && running ? (
        <p className="pmg-stage" data-testid="bulk-stage" data-stage={m.stage} role="status">
          {m.round > 1 ? <span>{t('dash_stage_round', { round: m.round, max: MAX_ROUNDS })} · </span> : null}
          {m.stage === 'staging' ? t('dash_stage_staging') : null}
          {m.stage === 'running' ? t('dash_stage_running', { count: m.lines }) : null}
          {m.stage === 'reconciling' ? t('dash_stage_reconciling', { read: m.linesRead, total: m.lines }) : null}
          {m.stage === 'checking' ? t('dash_stage_checking') : null}
        </p>
      ) : null}
      {bulk && running ? (
        <Text tone="secondary" small>
          {t('dash_bulk_may_close')}
        </Text>
      ) : null}
    </div>
  );
}
