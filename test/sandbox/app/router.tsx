/**
 * Client-side navigation like the admin's: history.pushState, no page load, so the content script
 * has to follow `wxt:locationchange`.
 */
import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export type Route =
  | { page: 'order-list'; handle: string }
  | { page: 'order'; handle: string; orderId: string }
  | { page: 'fulfil'; handle: string; orderId: string; fulfillmentOrderId: string }
  | { page: 'refund'; handle: string; orderId: string }
  | { page: 'order-edit'; handle: string; orderId: string }
  | { page: 'other'; handle: string | null };

export function parseRoute(pathname: string): Route {
  const m = /^\/store\/([a-z0-9][a-z0-9-]*)(\/.*)?$/.exec(pathname);
  if (!m) return { page: 'other', handle: null };
  const handle = m[1]!;
  const rest = (m[2] ?? '/').replace(/\/+$/, '') || '/';
  let r: RegExpExecArray | null;
  if (rest === '/orders') return { page: 'order-list', handle };
  if ((r = /^\/orders\/(\d+)$/.exec(rest))) return { page: 'order', handle, orderId: r[1]! };
  if ((r = /^\/orders\/(\d+)\/fulfillment_orders\/(\d+)\/fulfill$/.exec(rest)))
    return { page: 'fulfil', handle, orderId: r[1]!, fulfillmentOrderId: r[2]! };
  if ((r = /^\/orders\/(\d+)\/refund$/.exec(rest))) return { page: 'refund', handle, orderId: r[1]! };
  if ((r = /^\/orders\/(\d+)\/edit$/.exec(rest))) return { page: 'order-edit', handle, orderId: r[1]! };
  return { page: 'other', handle };
}

const listeners = new Set<() => void>();

export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(null, '', path);
  listeners.forEach((l) => l());
}

export function useLocation(): { pathname: string; search: string } {
  const [loc, setLoc] = useState(() => ({ pathname: location.pathname, search: location.search }));
  useEffect(() => {
    const update = () => setLoc({ pathname: location.pathname, search: location.search });
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return loc;
}

/** An <a> that navigates client-side (modifier clicks open a real tab, as in the admin). */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      href={href}
      onClick={(e: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(e);
        if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(href);
      }}
      {...rest}
    />
  );
}
