import { useId } from 'react';
import { Select } from '@/components';
import type { BulkFilters } from '@/lib/bulk/types';
import { useT } from '../i18n';

/** Shopify's displayFulfillmentStatus values the filter offers (the common ones). */
const FULFILMENT = ['UNFULFILLED', 'PARTIALLY_FULFILLED', 'FULFILLED', 'ON_HOLD', 'SCHEDULED', 'RESTOCKED'];

export function DateField(props: { label: string; value: string; onChange: (v: string) => void; testId?: string }) {
  const id = `date${useId()}`;
  return (
    <div className="pmg-field">
      <label className="pmg-label" htmlFor={id}>
        {props.label}
      </label>
      <input id={id} type="date" className="pmg-input" value={props.value} data-testid={props.testId} onChange={(e) => props.onChange(e.currentTarget.value)} />
    </div>
  );
}

export function MarketplaceSelect(props: { value: string; options: Array<{ value: string; label: string }>; onChange: (v: string) => void }) {
  const t = useT();
  return <Select label={t('dash_filter_marketplace')} value={props.value} options={[{ value: '', label: t('dash_filter_all') }, ...props.options]} onChange={props.onChange} />;
}

export function fulfilmentLabel(t: (k: string) => string, status: string | null): string {
  if (!status) return '';
  const key = `dash_fulfilment_${status.toLowerCase()}`;
  const text = t(key);
  return text === key ? status.toLowerCase().replace(/_/g, ' ') : text;
}

/** Marketplace, date range and fulfilment status: the same filters for preview, dry run and apply. */
export function FilterBar(props: { filters: BulkFilters; markets: Array<{ value: string; label: string }>; onChange: (f: BulkFilters) => void }) {
  const t = useT();
  const f = props.filters;
  return (
    <div className="pmg-filters" role="group" aria-label={t('dash_filters')}>
      <MarketplaceSelect value={f.marketplaces?.[0] ?? ''} options={props.markets} onChange={(v) => props.onChange({ ...f, marketplaces: v ? [v] : [] })} />
      <DateField label={t('dash_filter_from')} value={f.createdFrom ?? ''} onChange={(v) => props.onChange({ ...f, createdFrom: v || undefined })} />
      <DateField label={t('dash_filter_to')} value={f.createdTo ?? ''} onChange={(v) => props.onChange({ ...f, createdTo: v || undefined })} />
      <Select
        label={t('dash_filter_fulfilment')}
        value={f.fulfilment?.[0] ?? ''}
        options={[{ value: '', label: t('dash_filter_all') }, ...FULFILMENT.map((s) => ({ value: s, label: fulfilmentLabel(t, s) }))]}
        onChange={(v) => props.onChange({ ...f, fulfilment: v ? [v] : [] })}
      />
    </div>
  );
}
