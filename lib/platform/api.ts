/**
 * The background's registry of Admin API clients (one per store, so one request queue and one view of
 * the store's cost bucket per store) and of the audit log. Clients are built from the credentials in
 * storage.local; the sandbox flag comes from the build mode here, never from a page.
 */
import { AuditLog, openGuardDb } from '../audit';
import { AdminClient, type AdminClientConfig } from '../shopify/client';
import { ApiFailure } from '../shopify/errors';
import type { Credentials } from '../messages';
import { isValidHandle, type StoreRef } from '../store-ref';
import { SANDBOX_BUILD, getCredentials, resolveStoreRef, saveExchangedToken } from './credentials';

const clients = new Map<string, AdminClient>();
let auditLog: Promise<AuditLog> | null = null;

/** Test seam: options merged into every client the registry builds (fetch, clock, sandbox). */
let overrides: Partial<AdminClientConfig> = {};
export function setClientOverrides(next: Partial<AdminClientConfig>): void {
  overrides = next;
  clients.clear();
}

/** Sandbox build (or a test that says so): the one place deciding whether a loopback origin may stand in for Shopify. */
export function isSandbox(): boolean {
  return overrides.sandbox ?? SANDBOX_BUILD;
}

export function auditLogInstance(): Promise<AuditLog> {
  auditLog ??= openGuardDb().then((db) => new AuditLog(db));
  auditLog.catch(() => {
    auditLog = null;
  });
  return auditLog;
}

/** Test seam: fresh database handle (fake-indexeddb is reset between tests). */
export function resetApiRegistry(): void {
  clients.clear();
  auditLog = null;
}

export function forgetClient(handle: string): void {
  clients.delete(handle);
}

export function buildClient(store: StoreRef, credentials: Credentials, extra: Partial<AdminClientConfig> = {}): AdminClient {
  const sandbox = isSandbox();
  return new AdminClient({
    ...overrides,
    ...extra,
    store: resolveStoreRef(store, null, sandbox),
    credentials,
    sandbox,
  });
}

/** The store's client, built from saved credentials; `not_connected` when there are none. */
export async function clientFor(store: StoreRef): Promise<AdminClient> {
  if (!isValidHandle(store.handle)) throw new ApiFailure('store_invalid', `"${store.handle}" is not a Shopify store name.`, { store: store.handle });
  const existing = clients.get(store.handle);
  if (existing) return existing;
  const stored = await getCredentials(store.handle);
  if (!stored) throw new ApiFailure('not_connected', 'This store is not connected yet. Open the extension and connect it.', { store: store.handle });
  const sandbox = isSandbox();
  const client = new AdminClient({
    ...overrides,
    store: resolveStoreRef(store, stored, sandbox),
    credentials: stored.credentials,
    sandbox,
    cachedToken: stored.exchanged,
    persistToken: (token) => saveExchangedToken(store.handle, token),
  });
  clients.set(store.handle, client);
  return client;
}
