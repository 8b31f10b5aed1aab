/**
 * Refund page (/orders/{id}/refund): quantities, "Restock items" (ticked), a reason, and beside the
 * refund button a React-controlled "Send a notification to the customer" box ticked by default when
 * the order has an email. The button calls refundCreate with notify from React state.
 */
import { useState } from 'react';
import { gql, money, orderGid } from '../api';
import type { SurfaceProps } from '../surface';
import { cx } from '../styles';
import { is2026 } from '../layout';
import { Btn, PageTitle, TextField } from '../ui';
import { addressLines, Checkbox, CustomerAside, surfaceText, userErrorText, type SurfaceTextKey } from './common';

const REFUND = /* GraphQL */ `
  mutation SandboxRefund($input: RefundInput!) {
    refundCreate(input: $input) {
      refund { id }
      userErrors { field message }
    }
  }`;

export default function RefundSurface(props: SurfaceProps) {
  const { order, lang } = props;
  const t = (k: SurfaceTextKey, p?: Record<string, string | number>) => surfaceText(lang, k, p);
  const [quantities, setQuantities] = useState<Record<string, number>>(() =>
    Object.fromEntries(order.lineItems.nodes.map((li) => [li.id, li.quantity])),
  );
  const [restock, setRestock] = useState(true);
  const [reason, setReason] = useState('');
  const [notify, setNotify] = useState(Boolean(order.email));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const currency = order.totalPriceSet.shopMoney.currencyCode;
  const amount = order.lineItems.nodes.reduce((sum, li) => sum + Number(li.originalUnitPriceSet.shopMoney.amount) * (quantities[li.id] ?? 0), 0);
  const fulfilled = order.displayFulfillmentStatus === 'FULFILLED';

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const refundLineItems = order.lineItems.nodes
        .filter((li) => (quantities[li.id] ?? 0) > 0)
        .map((li) => ({ lineItemId: li.id, quantity: quantities[li.id], restockType: restock ? (fulfilled ? 'RETURN' : 'CANCEL') : 'NO_RESTOCK' }));
      const input: Record<string, unknown> = { orderId: orderGid(props.orderId), notify, refundLineItems };
      if (reason.trim()) input.note = reason.trim();
      const data = await gql<{ refundCreate: { userErrors: Array<{ message: string }> } }>(REFUND, { input });
      const problem = userErrorText(data.refundCreate.userErrors);
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
    <div className={cx('Page')}>
      <div className={cx('PageHeader')}>
        <button type="button" className={cx('Back')} aria-label={t('close')} onClick={props.close}>←</button>
        <div>
          <PageTitle>{t('refundTitle')}</PageTitle>
          <div className={cx('Subtitle')}>{order.name}</div>
        </div>
      </div>
      <div className={cx('Layout')}>
        <div className={cx('Column')}>
          <div className={cx('Card')}>
            {order.lineItems.nodes.map((li) => (
              <div key={li.id} className={cx('LineItem')}>
                <div className={cx('Thumb')} />
                <div style={{ flex: 1 }}>{li.title}</div>
                <input
                  className={cx('Input')}
                  style={{ width: 72 }}
                  type="number"
                  min={0}
                  max={li.quantity}
                  aria-label={t('quantity')}
                  value={quantities[li.id] ?? 0}
                  onChange={(e) => setQuantities({ ...quantities, [li.id]: Math.max(0, Math.min(li.quantity, Number(e.currentTarget.value) || 0)) })}
                />
                <div className={cx('Muted')}>/ {li.quantity}</div>
              </div>
            ))}
            <div className={cx('Section')}>
              <Checkbox shape="for-id" label={t('restockItems')} checked={restock} onChange={setRestock} testId="restockItems" />
            </div>
          </div>
          <div className={cx('Card')}>
            {is2026 ? (
              <>
                <TextField label={t('refundReason')} name="reason" value={reason} onChange={setReason} />
                <span className={cx('Muted')}>{t('refundReasonHelp')}</span>
              </>
            ) : (
              <label className={cx('Field')}>
                <span>{t('refundReason')}</span>
                <input className={cx('Input')} type="text" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
                <span className={cx('Muted')}>{t('refundReasonHelp')}</span>
              </label>
            )}
          </div>
        </div>
        <div className={cx('Column')}>
          <CustomerAside lang={lang} email={order.email} name={order.customer?.displayName ?? null} address={addressLines(order.shippingAddress)} />
          <div className={cx('Card')}>
            <div className={cx('Row')}>
              <span>{t('refundAmount')}</span>
              <span>{money({ amount: amount.toFixed(2), currencyCode: currency }, lang)}</span>
            </div>
            {order.email && <Checkbox shape="wrap" label={t('notifyRefund')} checked={notify} onChange={setNotify} testId="notifyRefund" />}
            {error && <div role="alert">{t('error', { message: error })}</div>}
            <div style={{ marginTop: 12 }}>
              <Btn primary style={{ width: '100%' }} disabled={busy || amount <= 0} onClick={() => void submit()}>
                {t('refundButton', { amount: money({ amount: amount.toFixed(2), currencyCode: currency }, lang) })}
              </Btn>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
