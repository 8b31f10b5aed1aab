/**
 * The admin's order page, built from the facts in test/facts/ADMIN-UI.md: page header with the
 * order name as <h1>, a Customer card whose "Contact information" holds the email as a mailto: link
 * inside a Polaris web component (open shadow root), a ⋯ menu, and dialogs that open without a URL
 * change. `?layout=unknown` renders an admin release we do not know (no <h1>, no mailto link).
 */
import { useEffect, useState } from 'react';
import { gql, money, numericId, orderGid, ORDERS_QUERY, type SandboxOrder, type SandboxOrderRow } from '../api';
import { sandboxText, type SandboxLang, type SandboxTextKey } from '../i18n';
import { Link, navigate } from '../router';
import { is2026 } from '../layout';
import { cx } from '../styles';
import { useOrder } from '../use-order';
import { ActionLink, Btn, EmailValue, PageTitle } from '../ui';
import TrackingSurface from '../surfaces/tracking';
import CancelSurface from '../surfaces/cancel';

type Dialog = null | { kind: 'contact' } | { kind: 'tracking'; fulfillmentId: string } | { kind: 'cancel' };

export function OrderPage({ handle, orderId, lang, broken }: { handle: string; orderId: string; lang: SandboxLang; broken: boolean }) {
  const t = (k: SandboxTextKey, p?: Record<string, string | number>) => sandboxText(lang, k, p);
  const { state, loading, refresh } = useOrder(orderId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [menu, setMenu] = useState<null | 'header' | 'customer'>(null);
  const neighbours = useNeighbours(orderId);
  useEffect(() => {
    setDialog(null);
    setMenu(null);
  }, [orderId]);

  if (state.status === 'loading') return <div className={cx('Page')} aria-busy="true"><p className={cx('Muted')}>{t('loading')}</p></div>;
  if (state.status === 'missing') return <div className={cx('Page')}><div className={cx('Card')}>{t('notFound')}</div></div>;
  if (state.status === 'error') return <div className={cx('Page')}><div className={cx('Card')} role="alert">{state.message}</div></div>;
  const order = state.order;
  const base = `/store/${handle}`;
  const source = order.channelInformation?.channelDefinition?.channelName ?? order.app?.name ?? order.sourceName ?? 'Online Store';
  const openFo = order.fulfillmentOrders.nodes.find((fo) => fo.status === 'OPEN' || fo.status === 'IN_PROGRESS');
  const surfaceProps = {
    handle, orderId, order, lang, navigate, refresh,
    close: () => { setDialog(null); void refresh(); },
  };

  return (
    <div className={cx('Page')} aria-busy={loading}>
      <div className={cx('PageHeader')}>
        <Link href={`${base}/orders`} className={cx('Back')} aria-label={t('orders')}>←</Link>
        <div>
          <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            {broken ? <div className={cx('Title')}>{order.name}</div> : <PageTitle>{order.name}</PageTitle>}
            {order.cancelledAt && <span className={cx('Badge')}>{t('cancelled')}</span>}
            <span className={cx('Badge')}>● {t('paid')}</span>
            <span className={cx('Badge', order.displayFulfillmentStatus === 'FULFILLED' ? 'BadgeSuccess' : 'BadgeAttention')}>
              ● {order.displayFulfillmentStatus === 'FULFILLED' ? t('fulfilled') : t('unfulfilled')}
            </span>
          </div>
          <div className={cx('Subtitle')}>
            {new Date(order.createdAt).toLocaleString(lang, { dateStyle: 'long', timeStyle: 'short' })} {t('from', { source })}
          </div>
        </div>
        <div className={cx('HeaderActions')}>
          <Btn onClick={() => navigate(`${base}/orders/${orderId}/refund`)}>{t('refund')}</Btn>
          <Btn onClick={() => navigate(`${base}/orders/${orderId}/edit`)}>{t('edit')}</Btn>
          <Btn menu={{ expanded: menu === 'header' }} onClick={() => setMenu(menu === 'header' ? null : 'header')}>
            {t('moreActions')} ▾
          </Btn>
          {menu === 'header' && (
            <div className={cx('Menu')} role="menu">
              <MenuItem onClick={() => { setMenu(null); setDialog({ kind: 'cancel' }); }}>{t('cancelOrder')}</MenuItem>
              <MenuItem onClick={() => setMenu(null)}>{t('duplicate')}</MenuItem>
              <MenuItem onClick={() => setMenu(null)}>{t('print')}</MenuItem>
            </div>
          )}
          <Link href={neighbours.previous ? `${base}/orders/${neighbours.previous}` : '#'} aria-disabled={!neighbours.previous} className={cx('IconButton')} aria-label={t('previous')}>‹</Link>
          <Link href={neighbours.next ? `${base}/orders/${neighbours.next}` : '#'} aria-disabled={!neighbours.next} className={cx('IconButton')} aria-label={t('next')}>›</Link>
        </div>
      </div>

      <div className={cx('Layout')}>
        <div className={cx('Column')}>
          {order.fulfillments.map((f) => (
            <div key={f.id} className={cx('Card')}>
              <div className={cx('CardHeader')}>
                <span className={cx('Badge', 'BadgeSuccess')}>● {t('fulfilled')}</span>
                <Btn onClick={() => setDialog({ kind: 'tracking', fulfillmentId: f.id })}>
                  {f.trackingInfo.length ? t('editTracking') : t('addTracking')}
                </Btn>
              </div>
              {f.trackingInfo.map((ti, i) => (
                <div key={i} className={cx('Muted')}>{t('tracking')}: {ti.company} {ti.number}</div>
              ))}
            </div>
          ))}
          {order.displayFulfillmentStatus !== 'FULFILLED' && (
            <div className={cx('Card')}>
              <div className={cx('CardHeader')}>
                <span className={cx('Badge', 'BadgeAttention')}>● {t('unfulfilled')}</span>
              </div>
              <LineItems order={order} lang={lang} />
              {openFo && (
                <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 8 }}>
                  <ActionLink href={`${base}/orders/${orderId}/fulfillment_orders/${numericId(openFo.id)}/fulfill?mark=1`} onNavigate={navigate}>
                    {t('markAsFulfilled')}
                  </ActionLink>
                  <ActionLink primary href={`${base}/orders/${orderId}/fulfillment_orders/${numericId(openFo.id)}/fulfill`} onNavigate={navigate}>
                    {t('fulfillItems')}
                  </ActionLink>
                </div>
              )}
            </div>
          )}
          <div className={cx('Card')}>
            <div className={cx('CardHeader')}><span className={cx('Badge')}>● {t('paid')}</span></div>
            <div className={cx('Row')}><span>{t('subtotal')}</span><span>{money(order.totalPriceSet.shopMoney, lang)}</span></div>
            <div className={cx('Row')} style={{ fontWeight: 650 }}><span>{t('total')}</span><span>{money(order.totalPriceSet.shopMoney, lang)}</span></div>
          </div>
          <div className={cx('Card')}>
            <s-internal-text variant="headingSm" text={t('timeline')} />
          </div>
        </div>

        <div className={cx('Column')}>
          <div className={cx('Card')}>
            <div className={cx('CardHeader')}><s-internal-text variant="headingSm" text={t('notes')} /></div>
            <div className={cx('Muted')}>{order.note || t('noNotes')}</div>
          </div>
          <CustomerCard
            order={order}
            handle={handle}
            lang={lang}
            broken={broken}
            menuOpen={menu === 'customer'}
            onMenu={() => setMenu(menu === 'customer' ? null : 'customer')}
            onEditContact={() => { setMenu(null); setDialog({ kind: 'contact' }); }}
          />
          <div className={cx('Card')}>
            <div className={cx('CardHeader')}><s-internal-text variant="headingSm" text={t('tags')} /></div>
            <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
              {order.tags.map((tag) => <span key={tag} className={cx('Badge')}>{tag}</span>)}
            </div>
          </div>
        </div>
      </div>

      {dialog?.kind === 'contact' && <ContactDialog order={order} lang={lang} onClose={(changed) => { setDialog(null); if (changed) void refresh(); }} />}
      {dialog?.kind === 'tracking' && <TrackingSurface {...surfaceProps} fulfillmentId={dialog.fulfillmentId} />}
      {dialog?.kind === 'cancel' && <CancelSurface {...surfaceProps} />}
    </div>
  );
}

function MenuItem({ onClick, children }: { onClick(): void; children: string }) {
  return (
    <button type="button" role="menuitem" className={cx('MenuItem')} onClick={onClick}>
      {is2026 ? <span>{children}</span> : children}
    </button>
  );
}

function LineItems({ order, lang }: { order: SandboxOrder; lang: SandboxLang }) {
  return (
    <div>
      {order.lineItems.nodes.map((li) => (
        <div key={li.id} className={cx('LineItem')}>
          <div className={cx('Thumb')} />
          <div style={{ flex: 1 }}>
            <div>{li.title}</div>
            {li.sku && <div className={cx('Muted')}>SKU: {li.sku}</div>}
          </div>
          <div className={cx('Muted')}>{money(li.originalUnitPriceSet.shopMoney, lang)} × {li.quantity}</div>
        </div>
      ))}
    </div>
  );
}

function CustomerCard(props: {
  order: SandboxOrder;
  handle: string;
  lang: SandboxLang;
  broken: boolean;
  menuOpen: boolean;
  onMenu(): void;
  onEditContact(): void;
}) {
  const { order, lang, broken } = props;
  const t = (k: SandboxTextKey, p?: Record<string, string | number>) => sandboxText(lang, k, p);
  const address = order.shippingAddress;
  return (
    <div className={cx('Card')}>
      <div className={cx('CardHeader')}>
        <s-internal-text variant="headingSm" text={broken ? t('buyer') : t('customer')} />
        <button type="button" className={cx('IconButton')} aria-label={t('editContact')} aria-haspopup="menu" aria-expanded={props.menuOpen} onClick={props.onMenu}>⋯</button>
        {props.menuOpen && (
          <div className={cx('Menu')} role="menu">
            <MenuItem onClick={props.onEditContact}>{t('editContact')}</MenuItem>
            <MenuItem onClick={props.onMenu}>{t('editShipping')}</MenuItem>
          </div>
        )}
      </div>
      {order.customer && (
        <>
          <Link className={cx('Link')} href={`/store/${props.handle}/customers/${numericId(order.customer.id)}`}>{order.customer.displayName}</Link>
          <div className={cx('Muted')}>{t('ordersCount', { n: order.customer.numberOfOrders })}</div>
        </>
      )}
      <div className={cx('Section')}>
        <s-internal-text variant="headingSm" text={t('contactInformation')} />
        <div>
          {order.email ? (
            broken ? <span>{order.email}</span> : <EmailValue email={order.email} copyLabel={t('email')} />
          ) : (
            <span className={cx('Muted')}>{t('noEmail')}</span>
          )}
        </div>
        <div className={cx('Muted')}>{order.phone ?? t('noPhone')}</div>
      </div>
      <div className={cx('Section')}>
        <s-internal-text variant="headingSm" text={t('shippingAddress')} />
        {address && (
          <address style={{ fontStyle: 'normal' }}>
            {[address.name, address.address1, [address.zip, address.city].filter(Boolean).join(' '), address.country].filter(Boolean).map((line) => (
              <div key={line}>{line}</div>
            ))}
          </address>
        )}
      </div>
    </div>
  );
}

function ContactDialog({ order, lang, onClose }: { order: SandboxOrder; lang: SandboxLang; onClose(changed: boolean): void }) {
  const t = (k: SandboxTextKey) => sandboxText(lang, k);
  const [email, setEmail] = useState(order.email ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      const data = await gql<{ orderUpdate: { userErrors: Array<{ message: string }> } }>(
        'mutation ($input: OrderInput!) { orderUpdate(input: $input) { order { id } userErrors { field message } } }',
        { input: { id: orderGid(order.id.slice(order.id.lastIndexOf('/') + 1)), email } },
      );
      if (data.orderUpdate.userErrors.length) setError(data.orderUpdate.userErrors.map((e) => e.message).join('; '));
      else onClose(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className={cx('Backdrop')}>
      <div className={cx('Modal')} role="dialog" aria-modal="true" aria-label={t('editContact')}>
        <div className={cx('ModalHeader')}>{t('editContact')}</div>
        <div className={cx('ModalBody')}>
          <label className={cx('Field')}>
            <span>{t('email')}</span>
            <input className={cx('Input')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          </label>
          {error && <div role="alert">{error}</div>}
        </div>
        <div className={cx('ModalFooter')}>
          <button type="button" className={cx('Button')} onClick={() => onClose(false)}>{t('cancel')}</button>
          <button type="button" className={cx('Button', 'ButtonPrimary')} onClick={() => void save()}>{t('save')}</button>
        </div>
      </div>
    </div>
  );
}

/** Previous/next order ids in the list order, for the header arrows (client-side navigation). */
function useNeighbours(orderId: string): { previous: string | null; next: string | null } {
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    gql<{ orders: { nodes: SandboxOrderRow[] } }>(ORDERS_QUERY, { first: 100 })
      .then((d) => live && setIds(d.orders.nodes.map((n) => numericId(n.id))))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  const i = ids.indexOf(orderId);
  return { previous: i > 0 ? ids[i - 1]! : null, next: i >= 0 && i < ids.length - 1 ? ids[i + 1]! : null };
}
