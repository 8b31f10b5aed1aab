import { useEffect, useState } from 'react';
import { Banner, Button, Card, CardSection, Checkbox, RadioGroup, Text } from '@/components';
import { DataTable, Pager } from '@/components/dashboard/DataTable';
import type { DryRunSummary } from '@/lib/bulk';
import type { ApplyPath, BulkFilters, BulkJob, JobItem } from '@/lib/bulk/types';
import { BULK_MUTATION_THRESHOLD } from '@/lib/bulk/mutation-path';
import { sendMessage } from '@/lib/messaging';
import { errorText, useFormat, useT } from '../i18n';
import { FilterBar, fulfilmentLabel } from './filters';

const PAGE = 25;

export function Email(props: { value: string | null }) {
  const t = useT();
  return props.value === null ? <span className="pmg-text--secondary">{t('dash_no_email')}</span> : <span className="pmg-email">{props.value}</span>;
}

/** Current → proposed for every relay order, filtered and paged; dry run; how to send the changes; apply. */
export function PreviewSection(props: { job: BulkJob; onStart: (filters: BulkFilters, customer: boolean, path: ApplyPath) => void }) {
  const t = useT();
  const f = useFormat();
  const [filters, setFilters] = useState<BulkFilters>({});
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ items: JobItem[]; matched: number } | null>(null);
  const [dry, setDry] = useState<DryRunSummary | null>(null);
  const [customer, setCustomer] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Until the merchant picks, large jobs go through Shopify's bulk changes, small ones one by one.
  const [picked, setPicked] = useState<ApplyPath | null>(null);
  const markets = Object.values(props.job.scan.byMarketplace)
    .filter((m) => m.relay > 0)
    .map((m) => ({ value: m.marketplace, label: m.label }));

  useEffect(() => {
    let live = true;
    void sendMessage('bulkPreview', { jobId: props.job.id, filters, cls: 'relay', status: 'idle', offset, limit: PAGE }).then((r) => {
      if (!live) return;
      if (r.ok) setPage(r.value);
      else setProblem(errorText(t, r.error));
    });
    return () => {
      live = false;
    };
  }, [props.job.id, props.job.updatedAt, filters, offset, t]);

  useEffect(() => setDry(null), [filters]);

  const runDry = async () => {
    const r = await sendMessage('bulkDryRun', { jobId: props.job.id, filters });
    if (r.ok) setDry(r.value);
    else setProblem(errorText(t, r.error));
  };
  const count = page?.matched ?? 0;
  const path: ApplyPath = picked ?? (count > BULK_MUTATION_THRESHOLD ? 'bulk-mutation' : 'per-order');
  return (
    <Card title={t('dash_preview_title')}>
      <CardSection>
        <Text tone="secondary">{t('dash_preview_help')}</Text>
        <FilterBar
          filters={filters}
          markets={markets}
          onChange={(next) => {
            setFilters(next);
            setOffset(0);
          }}
        />
        {problem ? <Banner tone="critical">{problem}</Banner> : null}
        <DataTable<JobItem>
          testId="bulk-preview"
          caption={t('dash_preview_title')}
          rows={page?.items ?? []}
          rowKey={(i) => i.orderId}
          empty={t('dash_preview_empty')}
          columns={[
            { key: 'order', nowrap: true, header: t('dash_col_order'), cell: (i) => i.name },
            { key: 'date', nowrap: true, header: t('dash_col_date'), cell: (i) => f.day(i.createdAt) },
            { key: 'market', header: t('dash_col_marketplace'), cell: (i) => i.label },
            { key: 'fulfil', header: t('dash_col_fulfilment'), cell: (i) => fulfilmentLabel(t, i.fulfilment) },
            {
              key: 'change',
              header: t('dash_col_change'),
              cell: (i) => (
                <>
                  <Email value={i.email} />
                  <span className="pmg-arrow" aria-label={t('dash_becomes')}>
                    →
                  </span>
                  {i.refused ? <span className="pmg-text--critical">{errorText(t, i.refused)}</span> : i.strategy?.kind === 'keep' ? <span className="pmg-text--secondary">{t('dash_kept')}</span> : <Email value={i.proposed} />}
                </>
              ),
            },
          ]}
        />
        {count > PAGE ? (
          <Pager
            offset={offset}
            limit={PAGE}
            total={count}
            onChange={setOffset}
            labels={{ previous: t('dash_previous'), next: t('dash_next'), range: t('dash_range', { from: f.n(offset + 1), to: f.n(Math.min(offset + PAGE, count)), total: f.n(count) }) }}
          />
        ) : null}
      </CardSection>
      <CardSection subdued>
        <Checkbox label={t('dash_customer_label')} helpText={t('dash_customer_help')} checked={customer} onChange={setCustomer} />
        <RadioGroup
          legend={t('dash_path_legend')}
          value={path}
          onChange={(v) => setPicked(v === 'bulk-mutation' ? 'bulk-mutation' : 'per-order')}
          helpText={t('dash_path_threshold', { count: BULK_MUTATION_THRESHOLD })}
          options={[
            { value: 'bulk-mutation', label: t('dash_path_bulk'), helpText: t('dash_path_bulk_help') },
            { value: 'per-order', label: t('dash_path_per_order'), helpText: t('dash_path_per_order_help') },
          ]}
        />
        {dry ? (
          <Banner tone="info" title={t('dash_dry_title')}>
            {t('dash_dry_body', { change: t('dash_dry_change', { count: dry.wouldChange }), keep: t('dash_dry_keep', { count: dry.keep }), refused: t('dash_dry_refused', { count: dry.refused }) })}
          </Banner>
        ) : null}
        <div className="pmg-inline pmg-gap-200 pmg-inline--end">
          <Button onClick={() => void runDry()} disabled={count === 0}>
            {t('dash_dry_run')}
          </Button>
          <Button variant="primary" onClick={() => props.onStart(filters, customer, path)} disabled={count === 0}>
            {t('dash_apply', { count })}
          </Button>
        </div>
        {path === 'bulk-mutation' ? (
          <Text tone="secondary" small>
            {t('dash_storage_why')}
          </Text>
        ) : null}
        <Text tone="secondary" small>
          {t('dash_apply_note')}
        </Text>
      </CardSection>
    </Card>
  );
}
