/**
 * Where a store's API credentials live: `storage.local` only (never sync — a token must not travel to
 * the merchant's other devices), key `local:credentials:{handle}`. The sandbox origin is kept with them
 * so the background knows where the fake API of that store answers. Nothing here is ever logged.
 */
import { storage } from 'wxt/utils/storage';
import type { Credentials } from '../messages';
import { isLoopbackOrigin, type StoreRef } from '../store-ref';

export interface ExchangedToken {
  token: string;
  scope: string;
  /** epoch ms */
  expiresAt: number;
}

export interface StoredCredentials {
  credentials: Credentials;
  /** Sandbox builds only: loopback origin of the fake admin + API. */
  origin?: string;
  savedAt: string;
  /** Client-credentials grant: the last access token obtained, reused until shortly before it expires. */
  exchanged?: ExchangedToken;
}

type Key = `local:credentials:${string}`;
const keyFor = (handle: string): Key => `local:credentials:${handle}`;

/** True in `wxt build --mode sandbox` (and in tests that opt in); decides whether an origin may stand in for Shopify. */
export const SANDBOX_BUILD: boolean = import.meta.env?.MODE === 'sandbox';

export async function getCredentials(handle: string): Promise<StoredCredentials | null> {
  return (await storage.getItem<StoredCredentials>(keyFor(handle))) ?? null;
}

export async function saveCredentials(store: StoreRef, credentials: Credentials, sandbox = SANDBOX_BUILD): Promise<StoredCredentials> {
  const stored: StoredCredentials = { credentials, savedAt: new Date().toISOString() };
  if (sandbox && store.origin && isLoopbackOrigin(store.origin)) stored.origin = store.origin;
  await storage.setItem(keyFor(store.handle), stored);
  return stored;
}

export async function saveExchangedToken(handle: string, exchanged: ExchangedToken | undefined): Promise<void> {
  const current = await getCredentials(handle);
  if (!current) return;
  const next: StoredCredentials = { ...current };
  if (exchanged) next.exchanged = exchanged;
  else delete next.exchanged;
  await storage.setItem(keyFor(handle), next);
}

export async function removeCredentials(handle: string): Promise<void> {
  await storage.removeItem(keyFor(handle));
}

/**
 * The store as the API layer should address it. Saved credentials go only where they were saved for:
 * the sandbox origin kept with them, or Shopify — never an origin a page or message supplies now.
 * Without saved credentials (the connect step testing what the merchant just typed) the given origin
 * may stand in, sandbox builds and loopback only.
 */
export function resolveStoreRef(store: StoreRef, stored: StoredCredentials | null, sandbox = SANDBOX_BUILD): StoreRef {
  if (!sandbox) return { handle: store.handle };
  const origin = stored ? stored.origin : store.origin;
  return origin && isLoopbackOrigin(origin) ? { handle: store.handle, origin } : { handle: store.handle };
}
