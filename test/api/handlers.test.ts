/**
 * The background handlers end to end through typed messaging (WXT fakeBrowser) against the fake API:
 * connect → credentials saved in storage.local → applyFix / undoFix / getOrderFacts → disconnect.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEMO_ORDERS, type FakeAdminApi } from '../fake-admin-api/index';
import { sendMessage } from '../../lib/messaging';
import { registerConnectionHandlers } from '../../lib/platform/handlers/connection';
import { registerOrderHandlers } from '../../lib/platform/handlers/order';
import { auditLogInstance, setClientOverrides } from '../../lib/platform/api';
import { getCredentials } from '../../lib/platform/credentials';
import { saveStoreSettings } from '../../lib/platform/settings-storage';
import { defaultSettings } from '../../lib/settings';
import { handlersOnFakeApi, stored } from './helpers';

let api: FakeAdminApi;
handlersOnFakeApi({ orders: 60, seed: 3 }, (started) => (api = started), () => {
  registerConnectionHandlers();
  registerOrderHandlers();
});

const store = () => ({ handle: api.shop, origin: api.origin });

describe('background handlers', () => {
  it('not_connected before connecting', async () => {
    expect(await sendMessage('getOrderFacts', { store: store(), orderId: DEMO_ORDERS.amazon.legacyId })).toMatchObject({
      ok: false,
      error: { code: 'not_connected' },
    });
  });

  it('concurrent asks for the same order share one request; a later ask reads again', async () => {
    await sendMessage('connect', { store: store(), credentials: { kind: 'admin-token', token: api.token } });
    const ask = () => sendMessage('getOrderFacts', { store: store(), orderId: DEMO_ORDERS.amazon.legacyId });
    const before = api.counters.graphqlRequests;
    const [card, guard] = await Promise.all([ask(), ask()]);
    expect(card).toMatchObject({ ok: true, value: { orderId: DEMO_ORDERS.amazon.legacyId } });
    expect(guard).toEqual(card);
    expect(api.counters.graphqlRequests - before).toBe(1);
    await ask();
    expect(api.counters.graphqlRequests - before).toBe(2);
  });

  it('connect saves only accepted credentials, in storage.local, with the sandbox origin', async () => {
    const refused = await sendMessage('connect', { store: store(), credentials: { kind: 'admin-token', token: 'shpat_nopenopenopenope' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'token_invalid' } });
    expect(await getCredentials(api.shop)).toBeNull();
    expect(await sendMessage('connect', { store: store(), credentials: { kind: 'admin-token', token: '   ' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_credentials' },
    });

    const report = await sendMessage('connect', { store: store(), credentials: { kind: 'admin-token', token: ` ${api.token} ` } });
    expect(report).toMatchObject({ ok: true, value: { missingScopes: [], credentialKind: 'admin-token' } });
    const saved = await fakeBrowser.storage.local.get(`credentials:${api.shop}`);
    expect(saved[`credentials:${api.shop}`]).toMatchObject({ credentials: { kind: 'admin-token', token: api.token }, origin: api.origin });
    expect(await fakeBrowser.storage.sync.get(null)).not.toHaveProperty(`credentials:${api.shop}`);
  });

  it('applyFix uses the store settings (customer too), undoFix restores, the audit log has both', async () => {
    await sendMessage('connect', { store: store(), credentials: { kind: 'admin-token', token: api.token } });
    await saveStoreSettings(api.shop, { ...defaultSettings(), updateCustomer: true });
    const id = DEMO_ORDERS.amazon.legacyId;
    const facts = await sendMessage('getOrderFacts', { store: store(), orderId: id });
    expect(facts).toMatchObject({ ok: true, value: { email: DEMO_ORDERS.amazon.email } });

    const fixed = await sendMessage('applyFix', { store: store(), orderId: id, fix: 'strip' });
    expect(fixed).toMatchObject({ ok: true, value: { changed: true, after: null, stripBehaviour: 'cleared' } });
    expect(stored(api, id)).toMatchObject({ email: null, original: DEMO_ORDERS.amazon.email });

    const undone = await sendMessage('undoFix', { store: store(), orderId: id });
    expect(undone).toMatchObject({ ok: true, value: { after: DEMO_ORDERS.amazon.email } });
    const audit = await auditLogInstance();
    expect((await audit.forOrder(api.shop, id)).map((e) => e.kind)).toEqual(['fix', 'undo']);
  });

  it('applyFix builds the strategy from the saved settings: a forged strategy or address is refused, nothing changes', async () => {
    await sendMessage('connect', { store: store(), credentials: { kind: 'admin-token', token: api.token } });
    await saveStoreSettings(api.shop, { ...defaultSettings(), fixedEmail: 'orders@mystore.com' });
    const id = DEMO_ORDERS.amazon.legacyId;
    const mutationsBefore = api.counters.graphqlRequests;
    // What a script in the admin could send instead of a choice: its own address as the strategy.
    const forged = [
      { kind: 'fixed', email: 'attacker@evil.example' },
      'attacker@evil.example',
      'fixed:attacker@evil.example',
      'keep',
      'constructor',
    ];
    for (const fix of forged) {
      const answer = await sendMessage('applyFix', { store: store(), orderId: id, fix: fix as never });
      expect(answer).toMatchObject({ ok: false, error: { code: 'strategy_invalid' } });
    }
    // The old wire shape (a whole strategy) is not read at all.
    const legacy = await sendMessage('applyFix', { store: store(), orderId: id, strategy: { kind: 'fixed', email: 'attacker@evil.example' } } as never);
    expect(legacy).toMatchObject({ ok: false, error: { code: 'strategy_invalid' } });
    expect(api.counters.graphqlRequests).toBe(mutationsBefore);
    expect(stored(api, id)).toMatchObject({ email: DEMO_ORDERS.amazon.email });

    // The choice "fixed" takes the address from the saved settings.
    const fixed = await sendMessage('applyFix', { store: store(), orderId: id, fix: 'fixed' });
    expect(fixed).toMatchObject({ ok: true, value: { after: 'orders@mystore.com' } });
    expect(stored(api, id)).toMatchObject({ email: 'orders@mystore.com', original: DEMO_ORDERS.amazon.email });
  });

  it('recordGuardOverride writes an audit entry', async () => {
    const result = await sendMessage('recordGuardOverride', { store: store(), orderId: '1001', surface: 'fulfil', marketplace: 'amazon' });
    expect(result).toEqual({ ok: true, value: undefined });
    const [entry] = await (await auditLogInstance()).forOrder(api.shop, '1001');
    expect(entry).toMatchObject({ kind: 'guard_override', surface: 'fulfil', marketplace: 'amazon' });
  });

  it('disconnect wipes the credentials', async () => {
    await sendMessage('connect', { store: store(), credentials: { kind: 'admin-token', token: api.token } });
    expect(await sendMessage('disconnect', { store: store() })).toEqual({ ok: true, value: undefined });
    expect(await getCredentials(api.shop)).toBeNull();
    expect(await sendMessage('testConnection', { store: store() })).toMatchObject({ ok: false, error: { code: 'not_connected' } });
  });

  it('never uses a page-supplied origin outside sandbox builds', async () => {
    const urls: string[] = [];
    setClientOverrides({
      sandbox: false,
      maxNetworkRetries: 0,
      fetch: async (input) => {
        urls.push(String(input));
        throw new TypeError('offline');
      },
    });
    const result = await sendMessage('connect', { store: store(), credentials: { kind: 'admin-token', token: api.token } });
    expect(result).toMatchObject({ ok: false, error: { code: 'store_unreachable' } });
    expect(urls).toEqual([`https://${api.shop}.myshopify.com/admin/api/2025-01/graphql.json`]);
    expect(JSON.stringify(result)).not.toContain(api.token);
  });
});
