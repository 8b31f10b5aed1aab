/**
 * Sandbox admin entry (bundled by esbuild when test/sandbox/server.ts starts).
 * Routes mirror admin.shopify.com/store/{handle}/… so lib/admin-url.ts parses them unchanged.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { defineElements } from './elements';
import { defineElements2026 } from './elements-2026';
import { Frame } from './frame';
import { applyLang, initialLang, sandboxText, type SandboxLang } from './i18n';
import { OrderListPage } from './pages/order-list';
import { OrderPage } from './pages/order';
import { navigate, parseRoute, useLocation } from './router';
import { cx, injectStyles } from './styles';
import { useOrder } from './use-order';
import FulfilSurface from './surfaces/fulfil';
import RefundSurface from './surfaces/refund';

function App() {
  const [lang, setLang] = useState<SandboxLang>(initialLang);
  const loc = useLocation();
  const route = parseRoute(loc.pathname);
  const handle = route.handle ?? window.__SANDBOX__?.handle ?? 'demo-store';
  const broken = new URLSearchParams(loc.search).get('layout') === 'unknown';
  const onLang = (l: SandboxLang) => {
    applyLang(l);
    setLang(l);
  };
  return (
    <Frame handle={handle} lang={lang} onLang={onLang} section={route.page === 'other' ? 'other' : 'orders'} broken={broken}>
      {route.page === 'order-list' && <OrderListPage handle={handle} lang={lang} />}
      {route.page === 'order' && <OrderPage key="order" handle={handle} orderId={route.orderId} lang={lang} broken={broken} />}
      {route.page === 'fulfil' && (
        <WithOrder orderId={route.orderId} lang={lang}>
          {(order, refresh) => (
            <FulfilSurface
              handle={handle} orderId={route.orderId} order={order} lang={lang} refresh={refresh} navigate={navigate}
              fulfillmentOrderId={route.fulfillmentOrderId}
              mode={new URLSearchParams(loc.search).get('mark') ? 'mark-as-fulfilled' : 'fulfil-items'}
              close={() => navigate(`/store/${handle}/orders/${route.orderId}`)}
            />
          )}
        </WithOrder>
      )}
      {route.page === 'refund' && (
        <WithOrder orderId={route.orderId} lang={lang}>
          {(order, refresh) => (
            <RefundSurface
              handle={handle} orderId={route.orderId} order={order} lang={lang} refresh={refresh} navigate={navigate}
              close={() => navigate(`/store/${handle}/orders/${route.orderId}`)}
            />
          )}
        </WithOrder>
      )}
      {route.page === 'order-edit' && (
        <div className={cx('Page')}>
          <div className={cx('PageHeader')}><h1 className={cx('Title')}>{sandboxText(lang, 'orderEdit')}</h1></div>
        </div>
      )}
      {route.page === 'other' && (
        <div className={cx('Page')}><div className={cx('Card')}>{sandboxText(lang, 'notAvailable')}</div></div>
      )}
    </Frame>
  );
}

function WithOrder(props: { orderId: string; lang: SandboxLang; children: (order: import('./api').SandboxOrder, refresh: () => Promise<void>) => React.ReactNode }) {
  const { state, refresh } = useOrder(props.orderId);
  if (state.status === 'ready') return <>{props.children(state.order, refresh)}</>;
  return (
    <div className={cx('Page')}>
      <div className={cx('Card')} role={state.status === 'error' ? 'alert' : undefined}>
        {state.status === 'loading' ? sandboxText(props.lang, 'loading') : state.status === 'missing' ? sandboxText(props.lang, 'notFound') : state.message}
      </div>
    </div>
  );
}

defineElements();
defineElements2026();
injectStyles(document);
applyLang(initialLang());
createRoot(document.getElementById('app')!).render(<App />);
