import { useCallback, useEffect, useRef, useState } from 'react';
import { loadOrder, type SandboxOrder } from './api';

export type OrderState = { status: 'loading' } | { status: 'missing' } | { status: 'error'; message: string } | { status: 'ready'; order: SandboxOrder };

/**
 * Loads one order from the fake API; re-loads when the id changes (client-side navigation).
 * Like the admin, the previous order stays on screen until the next one has loaded (`loading` is
 * true meanwhile): right after a URL change the page still shows the OLD order, a trap the content
 * script must not fall into.
 */
export function useOrder(orderId: string): { state: OrderState; loading: boolean; refresh(): Promise<void> } {
  const [state, setState] = useState<OrderState>({ status: 'loading' });
  const [loading, setLoading] = useState(true);
  const latest = useRef(orderId);
  latest.current = orderId;
  const refresh = useCallback(async () => {
    try {
      const order = await loadOrder(orderId);
      if (latest.current !== orderId) return; // a newer navigation won
      setState(order ? { status: 'ready', order } : { status: 'missing' });
    } catch (error) {
      if (latest.current === orderId) setState({ status: 'error', message: (error as Error).message });
    } finally {
      if (latest.current === orderId) setLoading(false);
    }
  }, [orderId]);
  useEffect(() => {
    setLoading(true);
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    void refresh();
  }, [refresh]);
  return { state, loading, refresh };
}
