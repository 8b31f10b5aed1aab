/**
 * The popup's Flow status against the fake Admin API running the workflow: when it last fixed an
 * order, the warning when relay orders keep arriving unfixed, and "update the workflow" with what
 * changed when the settings move after setup.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildFlowWorkflow, flowVersion } from '../../lib/flow';
import { sendMessage } from '../../lib/messaging';
import { resetApiRegistry, setClientOverrides } from '../../lib/platform/api';
import { getFlowSetup } from '../../lib/platform/flow-storage';
import { registerConnectionHandlers } from '../../lib/platform/handlers/connection';
import { flowConfirm, flowStatus, registerFlowHandlers } from '../../lib/platform/handlers/flow';
import { getStoreSettings, saveStoreSettings } from '../../lib/platform/settings-storage';
import { defaultSettings } from '../../lib/settings';
import { gql } from '../fake-admin-api/http.ts';
import { ALL_SCOPES, startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';

const CONNECTOR = { token: 'shpat_connector_flow_status', scopes: ALL_SCOPES, app: { id: 4383523, name: 'CedCommerce Multichannel' } };
const ORDER_CREATE = `mutation($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id name } userErrors { message } } }`;

let api: FakeAdminApi;
beforeAll(async () => {
  api = await startFakeAdminApi({ orders: 20, plan: 'enterprise', clock: 'manual', tokens: [CONNECTOR] });
});
afterAll(() => api.close());
beforeEach(async () => {
  api.reset();
  resetApiRegistry();
  setClientOverrides({ sandbox: true });
  registerConnectionHandlers();
  registerFlowHandlers();
  await sendMessage('connect', { store: store(), credentials: { kind: 'admin-token', token: api.token } });
});

const store = () => ({ handle: api.shop, origin: api.origin });
const healthOf = (r: Awaited<ReturnType<typeof flowStatus>>) => (r.ok ? r.value.health : null);
const storeNow = () => new Date(api.store.now());
const minutes = (n: number) => api.clock.advance(n * 60_000);
let n = 0;
async function arrive(email: string): Promise<string> {
  const { body } = await gql(api, ORDER_CREATE, { order: { email, sourceName: 'amazon', sourceIdentifier: `302-${++n}` } }, { token: CONNECTOR.token });
  await api.flow.settled();
  return body.data.orderCreate.order.name;
}

describe('Shopify Flow status (popup)', () => {
  it('nothing set up: no setup, no check, and no request to Shopify', async () => {
    const before = api.counters.graphqlRequests;
    expect(await sendMessage('flowStatus', { store: store() })).toMatchObject({ ok: true, value: { setup: null, drift: null, health: null, settingsValid: true } });
    expect(api.counters.graphqlRequests).toBe(before);
  });

  it('on and working: the last fix is shown; turned off in Shopify: relay orders arriving unfixed raise the warning', async () => {
    const settings = { ...defaultSettings(), defaultStrategy: 'domain' as const, domain: 'mystore.com' };
    expect((await saveStoreSettings(api.shop, settings)).ok).toBe(true);
    api.flow.install(buildFlowWorkflow(settings));
    const setup = await flowConfirm({ store: store(), on: true }, storeNow);
    expect(setup).toMatchObject({ ok: true, value: { version: flowVersion(settings) } });
    expect(setup.ok && (await getFlowSetup(api.shop))).toEqual(setup.ok ? setup.value : null);

    minutes(1);
    await arrive('a1@marketplace.amazon.de');
    const fixed = await arrive('a2@marketplace.amazon.de');
    minutes(5);
    const working = await flowStatus({ store: store() }, storeNow);
    expect(working).toMatchObject({ ok: true, value: { drift: { outdated: false, changes: [] }, healthError: null } });
    const health = healthOf(working);
    expect(health).toMatchObject({ lastFixed: { order: fixed }, unfixed: { count: 0 }, warn: false, oldVersionSeen: false });

    api.flow.uninstall(); // the merchant turned it off in Shopify Flow, or it broke
    await arrive('b1@members.ebay.de'.replace('members.ebay.de', 'marketplace.amazon.fr'));
    const one = await flowStatus({ store: store() }, storeNow);
    expect(healthOf(one)?.warn).toBe(false); // younger than the grace period
    minutes(5);
    const stillOne = await flowStatus({ store: store() }, storeNow);
    expect(healthOf(stillOne)).toMatchObject({ unfixed: { count: 1 }, warn: false });
    const latest = await arrive('b2@marketplace.amazon.fr');
    minutes(5);
    const warned = await flowStatus({ store: store() }, storeNow);
    expect(healthOf(warned)).toMatchObject({ unfixed: { count: 2, latest }, warn: true, lastFixed: { order: fixed } });
  });

  it('settings changed after setup: outdated, with what changed; confirming the update clears it; older code still fixing is seen', async () => {
    const first = { ...defaultSettings(), defaultStrategy: 'domain' as const, domain: 'mystore.com', extraDomains: ['relay.walmart.ca'] };
    await saveStoreSettings(api.shop, first);
    api.flow.install(buildFlowWorkflow(first));
    await flowConfirm({ store: store(), on: true }, storeNow);
    minutes(1);
    await arrive('c1@marketplace.amazon.de');

    await saveStoreSettings(api.shop, { ...first, defaultStrategy: 'prefix', prefix: 'bounce-', overrides: { ebay: 'strip' }, extraDomains: [] });
    minutes(3);
    const status = await flowStatus({ store: store() }, storeNow);
    expect(status).toMatchObject({
      ok: true,
      value: {
        drift: {
          outdated: true,
          changes: [
            { field: 'defaultStrategy', before: 'domain', after: 'prefix' },
            { field: 'prefix', before: 'blacklisted-', after: 'bounce-' },
            { field: 'overrides.ebay', before: null, after: 'strip' },
            { field: 'extraDomains', before: 'relay.walmart.ca', after: null },
          ],
        },
      },
    });
    // The merchant pastes the new code and says so; the old code's fixes are recognised as old.
    await flowConfirm({ store: store(), on: true }, storeNow);
    const updated = await flowStatus({ store: store() }, storeNow);
    expect(updated).toMatchObject({ ok: true, value: { drift: { outdated: false, changes: [] } } });
    api.flow.install(buildFlowWorkflow(first)); // … but the workflow in Shopify still runs the old code
    await arrive('c2@marketplace.amazon.de');
    minutes(3);
    const stale = await flowStatus({ store: store() }, storeNow);
    expect(healthOf(stale)).toMatchObject({ oldVersionSeen: true });
    expect(flowVersion(await getStoreSettings(api.shop))).not.toBe(flowVersion(first));
  });

  it('turned off in the extension: the setup is forgotten', async () => {
    await flowConfirm({ store: store(), on: true }, storeNow);
    expect(await sendMessage('flowConfirm', { store: store(), on: false })).toEqual({ ok: true, value: null });
    expect(await getFlowSetup(api.shop)).toBeNull();
  });

  it('not connected: the setup shows, the check says why it could not run', async () => {
    await flowConfirm({ store: store(), on: true }, storeNow);
    await sendMessage('disconnect', { store: store() });
    expect(await flowStatus({ store: store() }, storeNow)).toMatchObject({ ok: true, value: { health: null, healthError: { code: 'not_connected' } } });
  });
});
