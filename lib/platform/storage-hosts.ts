/**
 * Shopify's storage hosts (Google Cloud Storage): where a bulk mutation's file is uploaded and where
 * bulk operations' result files are read. They are optional host permissions, asked from the dashboard
 * when the merchant starts a job that needs them — never at install (API-FACTS "Bulk mutations").
 * The sandbox build adds the fake API's storage host (127.0.0.2), which its install-time hosts
 * (127.0.0.1, localhost) do not cover, so the same grant is really asked and checked there too.
 */
import { browser } from 'wxt/browser';
import { ApiFailure } from '../shopify/errors';
import { SANDBOX_BUILD } from './credentials';

export const STORAGE_HOSTS = ['https://shopify-staged-uploads.storage.googleapis.com/*', 'https://storage.googleapis.com/*'];
export const SANDBOX_STORAGE_HOSTS = ['http://127.0.0.2/*'];

export function storageHosts(sandbox = SANDBOX_BUILD): string[] {
  return sandbox ? [...STORAGE_HOSTS, ...SANDBOX_STORAGE_HOSTS] : STORAGE_HOSTS;
}

/** Is this URL on one of the storage hosts (exact host, https in production)? */
export function isStorageUrl(url: string, sandbox = SANDBOX_BUILD): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:' && (parsed.hostname === 'shopify-staged-uploads.storage.googleapis.com' || parsed.hostname === 'storage.googleapis.com')) return true;
  return sandbox && parsed.protocol === 'http:' && parsed.hostname === '127.0.0.2';
}

/** Test seam: Node tests (no browser permissions API) stand for a merchant who granted the hosts. */
let assumeGranted = false;
export function assumeStorageGrantedForTests(granted: boolean): void {
  assumeGranted = granted;
}

export async function storageGranted(sandbox = SANDBOX_BUILD): Promise<boolean> {
  if (assumeGranted) return true;
  try {
    return await browser.permissions.contains({ origins: storageHosts(sandbox) });
  } catch {
    return false;
  }
}

/**
 * Asks the merchant for the storage hosts (the browser's own prompt). Browsers show it only during a
 * click, so the caller calls this first thing in its click handler, with nothing awaited before it.
 * Resolves false when refused (or when the browser would not ask), never rejects.
 */
export function requestStorageHosts(sandbox = SANDBOX_BUILD): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: storageHosts(sandbox) }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/** Fetches from a storage host only when it is one and the merchant granted it; never with credentials. */
export async function storageFetch(url: string, init: RequestInit = {}, sandbox = SANDBOX_BUILD || assumeGranted): Promise<Response> {
  if (!isStorageUrl(url, sandbox)) throw new ApiFailure('storage_not_permitted', 'Shopify gave a storage link we do not trust.', { reason: 'BAD_URL' });
  if (!(await storageGranted(sandbox))) throw new ApiFailure('storage_not_permitted', "Access to Shopify's file storage was not granted.", { reason: 'NOT_GRANTED' });
  return fetch(url, { ...init, credentials: 'omit', redirect: 'error' });
}
