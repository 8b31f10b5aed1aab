/**
 * "Add tracking" / "Edit tracking" dialog, opened from a fulfilment card on the order page without a
 * URL change. A React-controlled notify box (ticked by default when the order has an email) and a
 * Save button calling fulfillmentTrackingInfoUpdate with notifyCustomer from React state.
 * Closing and re-opening the dialog mounts it afresh (ticked again), as the admin's modals do.
 */
import { useId, useState } from 'react';
import { gql } from '../api';
import type { SurfaceProps } from '../surface';
import { cx } from '../styles';
import { Btn, Picker, TextField } from '../ui';
import { Checkbox, surfaceText, userErrorText, type SurfaceTextKey } from './common';

const UPDATE = /* GraphQL */ `
  mutation SandboxTracking($fulfillmentId: ID!, $trackingInfoInput: FulfillmentTrackingInput!, $notifyCustomer: Boolean) {
    fulfillmentTrackingInfoUpdate(fulfillmentId: $fulfillmentId, trackingInfoInput: $trackingInfoInput, notifyCustomer: $notifyCustomer) {
      fulfillment { id }
      userErrors { field message }
    }
  }`;

const CARRIERS = ['DHL Express', 'UPS', 'USPS', 'Royal Mail', 'La Poste'];

export default function TrackingSurface(props: SurfaceProps) {
  const { order, lang } = props;
  const t = (k: SurfaceTextKey, p?: Record<string, string | number>) => surfaceText(lang, k, p);
  const titleId = useId();
  const fulfillment = order.fulfillments.find((f) => f.id === props.fulfillmentId);
  const existing = fulfillment?.trackingInfo[0] ?? null;
  const editing = Boolean(existing?.number);
  const [number, setNumber] = useState(existing?.number ?? '');
  const [company, setCompany] = useState(existing?.company && CARRIERS.includes(existing.company) ? existing.company : CARRIERS[0]!);
  const [notify, setNotify] = useState(Boolean(order.email));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const data = await gql<{ fulfillmentTrackingInfoUpdate: { userErrors: Array<{ message: string }> } }>(UPDATE, {
        fulfillmentId: props.fulfillmentId,
        trackingInfoInput: { number: number.trim(), company },
        notifyCustomer: notify,
      });
      const problem = userErrorText(data.fulfillmentTrackingInfoUpdate.userErrors);
      if (problem) {
        setError(problem);
        setBusy(false);
        return;
      }
      props.close();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <div className={cx('Backdrop')}>
      <div className={cx('Modal')} role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <div className={cx('ModalHeader')} id={titleId}>
          <span>{editing ? t('editTracking') : t('addTracking')}</span>
        </div>
        <div className={cx('ModalBody')}>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
            <TextField label={t('trackingNumber')} name="trackingInfoFields[0].number" value={number} onChange={setNumber} />
            <Picker label={t('carrier')} name="trackingCarrierId" value={company} options={CARRIERS} onChange={setCompany} />
          </div>
          {order.email && <Checkbox shape="for-id" label={t('notifyTracking')} checked={notify} onChange={setNotify} testId="notifyTracking" />}
          {error && <div role="alert">{t('error', { message: error })}</div>}
        </div>
        <div className={cx('ModalFooter')}>
          <Btn onClick={props.close}>{t('cancel')}</Btn>
          <Btn primary disabled={busy || !number.trim()} onClick={() => void save()}>
            {busy ? t('saving') : t('save')}
          </Btn>
        </div>
      </div>
    </div>
  );
}
