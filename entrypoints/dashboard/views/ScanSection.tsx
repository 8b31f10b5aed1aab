import { Badge, Button, Card, CardSection, Text } from '@/components';
import type { JobStatusView } from '@/lib/bulk/types';
import { useFormat, useT } from '../i18n';

/** Scan the store, then the counts per state and marketplace. */
export function ScanSection(props: { view: JobStatusView | null; onScan: () => void }) {
  const t = useT();
  const f = useFormat();
  const job = props.view?.job ?? null;
  const scanning = job?.status === 'scanning';
  const busy = scanning || job?.status === 'running';
  const markets = job ? Object.values(job.scan.byMarketplace).sort((a, b) => b.relay + b.neutralised - (a.relay + a.neutralised)) : [];
  const relay = markets.reduce((n, m) => n + m.relay, 0);
  const neutralised = markets.reduce((n, m) => n + m.neutralised, 0);
  const byFlow = markets.reduce((n, m) => n + (m.byFlow ?? 0), 0);
  return (
    <Card
      title={t('dash_scan_title')}
      actions={
        <Button variant={job ? 'secondary' : 'primary'} onClick={props.onScan} disabled={busy} loading={scanning} loadingLabel={t('dash_scanning')}>
          {job ? t('dash_scan_again') : t('dash_scan')}
        </Button>
      }
    >
      <CardSection>
        {!job ? <Text tone="secondary">{t('dash_scan_help')}</Text> : null}
        {scanning ? (
          <Text>
            {t('dash_scanning_count', { count: job.scan.scanned })} {job.scan.path === 'bulk' ? t('dash_scan_path_bulk') : ''}
          </Text>
        ) : null}
        {job?.status === 'failed' && !job.scan.finishedAt ? <Text tone="critical">{t('dash_scan_failed')}</Text> : null}
        {job && job.scan.finishedAt ? (
          <>
            <Text tone="secondary">{t('dash_scanned_at', { count: job.scan.scanned, when: f.when(job.scan.finishedAt) })}</Text>
            <div className="pmg-counts" data-testid="bulk-counts">
              <div className="pmg-count pmg-count--critical">
                <span className="pmg-count__value">{f.n(relay)}</span>
                <span>{t('dash_count_relay')}</span>
              </div>
              <div className="pmg-count pmg-count--success">
                <span className="pmg-count__value">{f.n(neutralised)}</span>
                <span>{t('dash_count_neutralised')}</span>
                {byFlow ? <span data-testid="bulk-by-flow">{t('dash_count_by_flow', { count: byFlow })}</span> : null}
              </div>
              <div className="pmg-count">
                <span className="pmg-count__value">{f.n(job.scan.ordinary)}</span>
                <span>{t('dash_count_ordinary')}</span>
              </div>
            </div>
            {markets.length ? (
              <div className="pmg-table-wrap">
                <table className="pmg-table">
                  <caption className="pmg-visually-hidden">{t('dash_by_marketplace')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dash_col_marketplace')}</th>
                      <th scope="col" className="pmg-table__num">{t('dash_count_relay')}</th>
                      <th scope="col" className="pmg-table__num">{t('dash_count_neutralised')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {markets.map((m) => (
                      <tr key={m.marketplace}>
                        <td>{m.label}</td>
                        <td className="pmg-table__num">{m.relay ? <Badge tone="critical">{f.n(m.relay)}</Badge> : f.n(0)}</td>
                        <td className="pmg-table__num">{f.n(m.neutralised)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </>
        ) : null}
      </CardSection>
    </Card>
  );
}
