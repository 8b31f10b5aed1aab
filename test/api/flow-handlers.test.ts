/**
 * The popup's Flow status against the fake Admin API running the workflow: when it last fixed an
 * order, the warning when relay orders keep arriving unfixed, and "update the workflow" with what
 * changed when the settings move after setup.
 */
import { describe, expect, it } from 'vitest';
import { buildFlowWorkflow, flowVersion } from '../../lib/flow';
import { sendMessage } from '../../lib/messaging';
import { getFlowSetup } from '../../lib/platform/flow-storage';
import { flowConfirm, flowStatus } from '../../lib/platform/handlers/flow';
import { getStoreSettings, saveStoreSettings } from '../../lib/platform/settings-storage';
import { defaultSettings } from '../../lib/settings';
import { flowStore } from './flow-store';

const fixture = flowStore({ plan: 'enterprise', connectorToken: 'shpat_connector_flow_status' });
const { store, storeNow, minutes } = fixture;
const healthOf = (r: Awaited<ReturnType<typeof flowStatus>>) => (r.ok ? r.value.health : null);
const arrive = (email: string) => fixture.connectorOrder(email);

describe('Shopify Flow status (popup)', () => {
  it('nothing set up: no setup, no check, and no request to Shopify', async () => {
    const before = fixture.api().counters.graphqlRequests;
    expect(await sendMessage('flowStatus', { store: store() })).toMatchObject({ ok: true, value: { setup: null, drift: null, health: null, settingsValid: true } });
    expect(fixture.api().counters.graphqlRequests).toBe(before);
  });

  it('on and working: the last fix is shown; turned off in Shopify: relay orders arriving unfixed raise the warning', async () => {
    const settings = { ...defaultSettings(), defaultStrategy: 'domain' as const, domain: 'mystore.com' };
    expect((await saveStoreSettings(fixture.api().shop, settings)).ok).toBe(true);
    fixture.api().flow.install(buildFlowWorkflow(settings));
    const setup = await flowConfirm({ store: store(), on: true }, storeNow);
    expect(setup).toMatchObject({ ok: true, value: { version: flowVersion(settings) } });
    expect(setup.ok && (await getFlowSetup(fixture.api().shop))).toEqual(setup.ok ? setup.value : null);

    minutes(1);
    await arrive('a1@marketplace.amazon.de');
    const fixed = await arrive('a2@marketplace.amazon.de');
    minutes(5);
    const working = await flowStatus({ store: store() }, storeNow);
    expect(working).toMatchObject({ ok: true, value: { drift: { outdated: false, changes: [] }, healthError: null } });
    const health = healthOf(working);
    expect(health).toMatchObject({ lastFixed: { order: fixed }, unfixed: { count: 0 }, warn: false, oldVersionSeen: false });

    fixture.api().flow.uninstall(); // the merchant turned it off in Shopify Flow, or it broke
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
    await saveStoreSettings(fixture.api().shop, first);
    fixture.api().flow.install(buildFlowWorkflow(first));
    await flowConfirm({ store: store(), on: true }, storeNow);
    minutes(1);
    await arrive('c1@marketplace.amazon.de');

    await saveStoreSettings(fixture.api().shop, { ...first, defaultStrategy: 'prefix', prefix: 'bounce-', overrides: { ebay: 'strip' }, extraDomains: [] });
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
    fixture.api().flow.install(buildFlowWorkflow(first)); // … but the workflow in Shopify still runs the old code
    await arrive('c2@marketplace.amazon.de');
    minutes(3);
    const stale = await flowStatus({ store: store() }, storeNow);
    expect(healthOf(stale)).toMatchObject({ oldVersionSeen: true });
    expect(flowVersion(await getStoreSettings(fixture.api().shop))).not.toBe(flowVersion(first));
  });

  it('turned off in the extension: the setup is forgotten', async () => {
    await flowConfirm({ store: store(), on: true }, storeNow);
    expect(await sendMessage('flowConfirm', { store: store(), on: false })).toEqual({ ok: true, value: null });
    expect(await getFlowSetup(fixture.api().shop)).toBeNull();
  });

  it('not connected: the setup shows, the check says why it could not run', async () => {
    await flowConfirm({ store: store(), on: true }, storeNow);
    await sendMessage('disconnect', { store: store() });
    expect(await flowStatus({ store: store() }, storeNow)).toMatchObject({ ok: true, value: { health: null, healthError: { code: 'not_connected' } } });
  });
});
