/**
 * Fulfil items page (/orders/{id}/fulfillment_orders/{foId}/fulfill) and its "Mark as fulfilled"
 * variant (?mark=1): items, tracking (fulfil only), "Notify customer of shipment" with a
 * React-controlled box ticked by default when the order has an email (Shopify hides it otherwise),
 * and the submit button calling fulfillmentCreate with notifyCustomer taken from React state.
 *
 * `?wording=unknown` words the box in a way no admin language uses, to show "guard inactive".
 * Re-renders like the admin's: every keystroke re-renders the page, and changing the carrier
 * re-mounts the notify section (new DOM nodes, same state), so the guard must re-apply its label.
 */
import { useState } from 'react';
import { gql, money } from '../api';
import type { SurfaceProps } from '../surface';
import { cx } from '../styles';
import { Btn, PageTitle, Picker, TextField } from '../ui';
import { addressLines, Checkbox, CustomerAside, surfaceText, userErrorText, type SurfaceTextKey } from './common';

const CARRIERS = ['DHL Express', 'UPS', 'USPS', 'Royal Mail', 'La Poste'];
const UNKNOWN_WORDING = 'Keep the buyer posted';

const FULFILL = /* GraphQL */ `
  mutation SandboxFulfil($fulfillment: FulfillmentInput!) {
    fulfillmentCreate(fulfillment: $fulfillment) {
      fulfillment { id status }
      userErrors { field message }
    }
  }`;

export default function FulfilSurface(props: SurfaceProps) {
  const { order, lang } = props;
  const t = (k: SurfaceTextKey, p?: Record<string, string | number>) => surfaceText(lang, k, p);
  const mark = props.mode === 'mark-as-fulfilled';
  const hasEmail = Boolean(order.email);
  const [notify, setNotify] = useState(hasEmail);
  // ?wording=unknown: an admin release that words the box in a way the guard does not know.
  const unknownWording = new URLSearchParams(location.search).get('wording') === 'unknown';
  const [trackingNumber, setTrackingNumber] = useState('');
  const [carrier, setCarrier] = useState(CARRIERS[0]!);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const foGid = `gid://shopify/FulfillmentOrder/${props.fulfillmentOrderId}`;
  const fo = order.fulfillmentOrders.nodes.find((n) => n.id === foGid);
  const open = fo ? fo.status === 'OPEN' || fo.status === 'IN_PROGRESS' : false;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const fulfillment: Record<string, unknown> = {
        lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: foGid }],
        notifyCustomer: notify,
      };
      if (!mark && trackingNumber.trim()) fulfillment.trackingInfo = { number: trackingNumber.trim(), company: carrier };
      const data = await gql<{ fulfillmentCreate: { userErrors: Array<{ message: string }> } }>(FULFILL, { fulfillment });
      const problem = userErrorText(data.fulfillmentCreate.userErrors);
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
          <PageTitle>{mark ? t('markTitle') : t('fulfilTitle')}</PageTitle>
          <div className={cx('Subtitle')}>{order.name}</div>
        </div>
      </div>
      <div className={cx('Layout')}>
        <div className={cx('Column')}>
          <div className={cx('Card')}>
            <div className={cx('CardHeader')}>
              <span className={cx('Badge', 'BadgeAttention')}>● {t('unfulfilled')}</span>
              <span className={cx('Muted')}>{t('fulfilling', { location: 'Shop location' })}</span>
            </div>
            {order.lineItems.nodes.map((li) => (
              <div key={li.id} className={cx('LineItem')}>
                <div className={cx('Thumb')} />
                <div style={{ flex: 1 }}>
                  <div>{li.title}</div>
                  {li.sku && <div className={cx('Muted')}>SKU: {li.sku}</div>}
                </div>
                <div className={cx('Muted')}>
                  {money(li.originalUnitPriceSet.shopMoney, lang)} × {li.quantity}
                </div>
              </div>
            ))}
            {!mark && (
              <div className={cx('Section')}>
                <h2 className={cx('SectionTitle')}>{t('trackingSection')}</h2>
                <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
                  <TextField label={t('trackingNumber')} name="trackingInfoFields[0].number" value={trackingNumber} onChange={setTrackingNumber} />
                  <Picker label={t('carrier')} name="trackingCarrierId" value={carrier} options={CARRIERS} onChange={setCarrier} />
                </div>
              </div>
            )}
          </div>
          {hasEmail && (
            // Keyed by carrier: the admin rebuilds this section when the shipping details change.
            <div key={carrier} className={cx('Card')}>
              <h2 className={cx('SectionTitle')}>{t('notifyHeading')}</h2>
              <Checkbox shape="wrap-shadow" label={unknownWording ? UNKNOWN_WORDING : t('notifyFulfil')} checked={notify} onChange={setNotify} testId="notifyFulfil" />
            </div>
          )}
          {error && (
            <div className={cx('Banner')} role="alert">
              {t('error', { message: error })}
            </div>
          )}
          {!open && <div className={cx('Banner')} role="status">{t('alreadyFulfilled')}</div>}
          <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
            <Btn onClick={props.close}>{t('cancel')}</Btn>
            <Btn primary disabled={busy || !open} onClick={() => void submit()}>
              {mark ? t('markButton') : t('fulfilButton')}
            </Btn>
          </div>
        </div>
        <div className={cx('Column')}>
          <CustomerAside lang={lang} email={order.email} name={order.customer?.displayName ?? null} address={addressLines(order.shippingAddress)} />
          <div className={cx('Card')}>
            <div className={cx('CardHeader')}>
              <s-internal-text variant="headingSm" text={t('summary')} />
            </div>
            <div className={cx('Muted')}>{money(order.totalPriceSet.shopMoney, lang)}</div>
          </div>
        </div>
      </div>
    </div>
  );
}
