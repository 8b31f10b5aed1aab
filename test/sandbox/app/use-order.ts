import { useCallback, useEffect, useState } from 'react';
import { loadOrder, type SandboxOrder } from './api';

export type OrderState = { status: 'loading' } | { status: 'missing' } | { status: 'error'; message: string } | { status: 'ready'; order: SandboxOrder };

/** Loads one order from the fake API; re-loads when the id changes (client-side navigation). */
export function useOrder(orderId: string): { state: OrderState; refresh(): Promise<void> } {
  const [state, setState] = useState<OrderState>({ status: 'loading' });
  const refresh = useCallback(async () => {
    try {
      const order = await loadOrder(orderId);
      setState(order ? { status: 'ready', order } : { status: 'missing' });
    } catch (error) {
      setState({ status: 'error', message: (error as Error).message });
    }
  }, [orderId]);
  useEffect(() => {
    setState({ status: 'loading' });
    void refresh();
  }, [refresh]);
  return { state, refresh };
}
