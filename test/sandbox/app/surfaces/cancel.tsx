/**
 * "Cancel order" dialog from ⋯ More actions (no URL change): reason, refund payment, restock, and a
 * React-controlled notify box ticked by default when the order has an email. "Cancel order" calls
 * orderCancel with notifyCustomer from React state.
 */
import { useId, useState } from 'react';
import { gql, orderGid } from '../api';
import type { SurfaceProps } from '../surface';
import { cx } from '../styles';
import { Btn, Picker } from '../ui';
import { Checkbox, surfaceText, userErrorText, type SurfaceTextKey } from './common';

const CANCEL = /* GraphQL */ `
  mutation SandboxCancel($orderId: ID!, $reason: OrderCancelReason!, $refund: Boolean!, $restock: Boolean!, $notifyCustomer: Boolean) {
    orderCancel(orderId: $orderId, reason: $reason, refund: $refund, restock: $restock, notifyCustomer: $notifyCustomer) {
      job { id }
      orderCancelUserErrors { field message code }
    }
  }`;

const REASONS = [
  ['CUSTOMER', 'reasonCustomer'],
  ['INVENTORY', 'reasonInventory'],
  ['FRAUD', 'reasonFraud'],
  ['OTHER', 'reasonOther'],
] as const;

export default function CancelSurface(props: SurfaceProps) {
  const { order, lang } = props;
  const t = (k: SurfaceTextKey, p?: Record<string, string | number>) => surfaceText(lang, k, p);
  const titleId = useId();
  const [reason, setReason] = useState<(typeof REASONS)[number][0]>('CUSTOMER');
  const [refund, setRefund] = useState(true);
  const [restock, setRestock] = useState(true);
  const [notify, setNotify] = useState(Boolean(order.email));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const data = await gql<{ orderCancel: { orderCancelUserErrors: Array<{ message: string }> } }>(CANCEL, {
        orderId: orderGid(props.orderId),
        reason,
        refund,
        restock,
        notifyCustomer: notify,
      });
      const problem = userErrorText(data.orderCancel.orderCancelUserErrors);
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
        <div className={cx('ModalHeader')}>
          <h2 id={titleId} style={{ margin: 0, font: 'inherit' }}>
            <span>{t('cancelTitle', { name: order.name })}</span>
          </h2>
        </div>
        <div className={cx('ModalBody')}>
          <Picker
            label={t('cancelReason')} name="reason" value={reason} options={REASONS.map(([value]) => value)}
            labels={Object.fromEntries(REASONS.map(([value, key]) => [value, t(key)]))}
            onChange={(v) => setReason(v as typeof reason)}
          />
          <Checkbox shape="wrap" label={t('refundPayment')} checked={refund} onChange={setRefund} testId="refundPayment" />
          <Checkbox shape="wrap" label={t('restockInventory')} checked={restock} onChange={setRestock} testId="restockInventory" />
          {order.email && <Checkbox shape="labelledby" label={t('notifyCancel')} checked={notify} onChange={setNotify} testId="notifyCancel" />}
          {error && <div role="alert">{t('error', { message: error })}</div>}
        </div>
        <div className={cx('ModalFooter')}>
          <Btn onClick={props.close}>{t('keepOrder')}</Btn>
          <Btn primary disabled={busy} onClick={() => void submit()}>
            {t('cancelOrder')}
          </Btn>
        </div>
      </div>
    </div>
  );
}
