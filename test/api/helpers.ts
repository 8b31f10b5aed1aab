/** Shared set-up for the API-layer tests: a client and an audit log against the fake Admin API. */
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { AuditLog, openGuardDb } from '../../lib/audit';
import { AdminClient, type AdminClientConfig } from '../../lib/shopify/client';
import type { EmailChangeContext } from '../../lib/shopify/email-change';
import { ORIGINAL_EMAIL_KEY, ORIGINAL_EMAIL_NAMESPACE } from '../../lib/shopify/documents';
import { resetApiRegistry, setClientOverrides } from '../../lib/platform/api';
import { startFakeAdminApi, type FakeAdminApi, type FakeAdminApiOptions } from '../fake-admin-api/index';

/**
 * The background's handlers against one fake Admin API per test file, reset before each test:
 * `started` hands the API to the file, `register` registers the handlers the file reaches through
 * messaging (the registry of clients is emptied first, so each test builds its own from storage).
 */
export function handlersOnFakeApi(options: FakeAdminApiOptions, started: (api: FakeAdminApi) => void, register: () => void): void {
  let api: FakeAdminApi | undefined;
  beforeAll(async () => {
    api = await startFakeAdminApi(options);
    started(api);
  });
  afterAll(async () => {
    await api?.close();
  });
  beforeEach(() => {
    api!.reset();
    resetApiRegistry();
    // Vitest is not a sandbox build; the handlers may use the fake API's loopback origin only when told so.
    setClientOverrides({ sandbox: true });
    register();
  });
}

export function clientFor(api: FakeAdminApi, extra: Partial<AdminClientConfig> = {}): AdminClient {
  return new AdminClient({
    store: { handle: api.shop, origin: api.origin },
    sandbox: true,
    credentials: { kind: 'admin-token', token: api.token },
    // Backoff in tests: real, but short.
    clock: { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))), random: () => Math.random() },
    ...extra,
  });
}

export async function contextFor(api: FakeAdminApi, extra: Partial<AdminClientConfig> = {}): Promise<EmailChangeContext & { audit: AuditLog }> {
  return { client: clientFor(api, extra), audit: new AuditLog(await openGuardDb(new IDBFactory())) };
}

/** The order as the fake store holds it (not through our client). */
export function stored(api: FakeAdminApi, legacyId: string) {
  const order = api.store.orderById(Number(legacyId));
  if (!order) throw new Error(`no order ${legacyId}`);
  const original = order.metafields.find((m) => m.namespace === ORIGINAL_EMAIL_NAMESPACE && m.key === ORIGINAL_EMAIL_KEY);
  return { email: order.email, original: original?.value ?? null, customerId: order.customerId };
}
