/** Shared set-up for the API-layer tests: a client and an audit log against the fake Admin API. */
import { IDBFactory } from 'fake-indexeddb';
import { AuditLog, openGuardDb } from '../../lib/audit';
import { AdminClient, type AdminClientConfig } from '../../lib/shopify/client';
import type { EmailChangeContext } from '../../lib/shopify/email-change';
import { ORIGINAL_EMAIL_KEY, ORIGINAL_EMAIL_NAMESPACE } from '../../lib/shopify/documents';
import type { FakeAdminApi } from '../fake-admin-api/index';

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
