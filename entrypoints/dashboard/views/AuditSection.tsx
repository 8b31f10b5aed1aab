import { AUTO_BATCH } from '@/lib/auto-protect/batch';
import { useEffect, useState } from 'react';
import { Badge, Button, Card, CardSection, Select, TextField } from '@/components';
import type { BulkJob } from '@/lib/bulk/types';
import { DataTable, Pager } from '@/components/dashboard/DataTable';
import type { AuditFilters, AuditRow } from '@/lib/bulk/audit-view';
import { MARKETPLACES } from '@/lib/marketplaces';
import type { AppError } from '@/lib/result';
import { sendMessage } from '@/lib/messaging';
import { useFormat, useT } from '../i18n';
import { DateField, MarketplaceSelect } from './filters';
import { Email } from './PreviewSection';

const PAGE = 20;
type UndoOrder = { orderId: string; name: string; marketplace: string; label: string; before: string | null; after: string | null };

/** Every change made (bulk or single), filterable, with undo per order and CSV export. */
export function AuditSection(props: { handle: string; version: number; onUndoOrders: (orders: UndoOrder[]) => void; onError: (e: AppError) => void }) {
  const t = useT();
  const f = useFormat();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ rows: AuditRow[]; matched: number } | null>(null);
  const [exported, setExported] = useState<number | null>(null);
  const [batches, setBatches] = useState<BulkJob[]>([]);
  const store = { handle: props.handle };

  // Each answer is shown only if no newer query was asked meanwhile: reading a long log takes a while,
  // and an answer started mid-run arriving last showed its orders "not confirmed" after the run ended.
  useEffect(() => {
    let live = true;
    void sendMessage('bulkJobs', { store }).then((r) => live && r.ok && setBatches(r.value.filter((j) => j.kind === 'fix' && j.progress.total > 0)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.handle, props.version]);

  useEffect(() => {
    let live = true;
    void sendMessage('auditQuery', { store, filters, offset, limit: PAGE }).then((r) => {
      if (!live) return;
      if (r.ok) setPage(r.value);
      else props.onError(r.error);
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.handle, props.version, filters, offset]);

  const set = (next: AuditFilters) => {
    setFilters(next);
    setOffset(0);
  };
  const exportCsv = async () => {
    const r = await sendMessage('auditExportCsv', { store, filters });
    if (!r.ok) return props.onError(r.error);
    // A Blob URL of our own text: the browser downloads it, nothing is rendered.
    const url = URL.createObjectURL(new Blob(['\ufeff', r.value.csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.value.filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setExported(r.value.rows);
  };
  const markets = Object.entries(MARKETPLACES).map(([value, label]) => ({ value, label }));
  return (
    <Card
      title={t('dash_audit_title')}
      actions={
        <Button onClick={() => void exportCsv()} disabled={!page?.matched}>
          {t('dash_export_csv')}
        </Button>
      }
    >
      <CardSection>
        <div className="pmg-filters" role="group" aria-label={t('dash_filters')}>
          <TextField label={t('dash_filter_order')} value={filters.order ?? ''} placeholder="#1001" onChange={(v) => set({ ...filters, order: v || undefined })} />
          <Select
            label={t('dash_filter_batch')}
            value={filters.batchId ?? ''}
            options={[{ value: '', label: t('dash_filter_all') }, ...batches.map((b) => ({ value: b.id, label: t('dash_batch_label', { when: f.when(b.createdAt), count: b.progress.changed }) }))]}
            onChange={(v) => set({ ...filters, batchId: v || undefined })}
          />
          <MarketplaceSelect value={filters.marketplace ?? ''} options={markets} onChange={(v) => set({ ...filters, marketplace: v || undefined })} />
          <DateField label={t('dash_filter_from')} value={filters.from ?? ''} onChange={(v) => set({ ...filters, from: v || undefined })} />
          <DateField label={t('dash_filter_to')} value={filters.to ?? ''} onChange={(v) => set({ ...filters, to: v || undefined })} />
        </div>
        {exported !== null ? <p className="pmg-p pmg-text--success" role="status">{t('dash_exported', { count: exported })}</p> : null}
        <DataTable<AuditRow>
          testId="bulk-audit"
          caption={t('dash_audit_title')}
          rows={page?.rows ?? []}
          rowKey={(r) => `${r.at}|${r.orderId}|${r.kind}|${r.result}`}
          empty={t('dash_audit_empty')}
          columns={[
            { key: 'when', header: t('dash_col_when'), cell: (r) => f.when(r.at) },
            { key: 'order', nowrap: true, header: t('dash_col_order'), cell: (r) => r.orderName || r.orderId },
            { key: 'market', header: t('dash_col_marketplace'), cell: (r) => r.label },
            {
              key: 'change',
              header: t('dash_col_change'),
              cell: (r) => (
                <>
                  <Email value={r.before} />
                  <span className="pmg-arrow">→</span>
                  <Email value={r.after} />
                </>
              ),
            },
            { key: 'kind', header: t('dash_col_action'), cell: (r) => (r.kind === 'undo' ? t('dash_action_undo') : r.batchId === AUTO_BATCH ? t('dash_action_automatic') : t('dash_action_fix')) },
            {
              key: 'result',
              header: t('dash_col_result'),
              cell: (r) => <Badge tone={r.result === 'changed' ? 'success' : r.result === 'failed' ? 'critical' : r.result === 'pending' ? 'attention' : 'neutral'}>{t(`dash_result_${r.result}`)}</Badge>,
            },
            {
              key: 'undo',
              nowrap: true,
              header: <span className="pmg-visually-hidden">{t('dash_undo')}</span>,
              cell: (r) =>
                r.kind === 'fix' && r.result === 'changed' ? (
                  <Button slim onClick={() => props.onUndoOrders([{ orderId: r.orderId, name: r.orderName, marketplace: r.marketplace, label: r.label, before: r.before, after: r.after }])}>
                    {t('dash_undo')}
                  </Button>
                ) : null,
            },
          ]}
        />
        {page && page.matched > PAGE ? (
          <Pager
            offset={offset}
            limit={PAGE}
            total={page.matched}
            onChange={setOffset}
            labels={{ previous: t('dash_previous'), next: t('dash_next'), range: t('dash_range', { from: f.n(offset + 1), to: f.n(Math.min(offset + PAGE, page.matched)), total: f.n(page.matched) }) }}
          />
        ) : null}
      </CardSection>
    </Card>
  );
}
