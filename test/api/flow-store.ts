/**
 * The store the Shopify Flow tests run on: the fake Admin API with a marketplace connector that
 * creates orders (the fake runs the installed workflow on each), and this browser connected to it.
 */
import { beforeEach } from 'vitest';
import { sendMessage } from '../../lib/messaging';
import { registerConnectionHandlers } from '../../lib/platform/handlers/connection';
import { registerFlowHandlers } from '../../lib/platform/handlers/flow';
import type { Plan } from '../fake-admin-api/bucket.ts';
import { gql } from '../fake-admin-api/http.ts';
import { ALL_SCOPES, type FakeAdminApi } from '../fake-admin-api/index.ts';
import { handlersOnFakeApi } from './helpers';

const ORDER_CREATE = `mutation($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id name } userErrors { message } } }`;

/** Registers the suite's hooks; `afterConnect` runs at the end of each test's set-up. */
export function flowStore(opts: { plan: Plan; connectorToken: string; afterConnect?: (api: FakeAdminApi) => Promise<void> }) {
  const connector = { token: opts.connectorToken, scopes: ALL_SCOPES, app: { id: 4383523, name: 'CedCommerce Multichannel' } };
  let api!: FakeAdminApi;
  let n = 0;
  handlersOnFakeApi({ orders: 20, plan: opts.plan, clock: 'manual', tokens: [connector] }, (started) => (api = started), () => {
    registerConnectionHandlers();
    registerFlowHandlers();
  });
  beforeEach(async () => {
    await sendMessage('connect', { store: { handle: api.shop, origin: api.origin }, credentials: { kind: 'admin-token', token: api.token } });
    await opts.afterConnect?.(api);
  });
  return {
    api: () => api,
    store: () => ({ handle: api.shop, origin: api.origin }),
    /** The store's clock (the fake's, moved by the tests). */
    storeNow: () => new Date(api.store.now()),
    minutes: (m: number) => api.clock.advance(m * 60_000),
    /** A connector's order, once the workflow (when installed) has run on it; its name. */
    async connectorOrder(email: string, sourceName = 'amazon'): Promise<string> {
      const { body } = await gql(api, ORDER_CREATE, { order: { email, sourceName, sourceIdentifier: `302-${++n}` } }, { token: connector.token });
      await api.flow.settled();
      return body.data.orderCreate.order.name as string;
    },
  };
}
