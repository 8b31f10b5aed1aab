/**
 * `storage.local` holds the stores' API credentials: readable by trusted contexts only (our pages and
 * the background), never by the content script that runs inside the admin page. Chrome (102+) can
 * enforce that with `setAccessLevel`; browsers without it (Firefox today) keep their default, and
 * the content script still never asks for storage (it gets settings by message).
 */
import { browser } from 'wxt/browser';

type AccessLevelArea = { setAccessLevel?: (details: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void> };

export type StorageAccess = 'trusted-only' | 'unsupported';

export async function restrictLocalStorage(): Promise<StorageAccess> {
  const local = browser.storage.local as unknown as AccessLevelArea;
  if (typeof local.setAccessLevel !== 'function') return 'unsupported';
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return 'trusted-only';
  } catch {
    return 'unsupported';
  }
}
