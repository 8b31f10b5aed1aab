/**
 * Connecting a store: testing and saving credentials, testing them again later, forgetting them, and
 * opening the popup's connect step in a tab (a page cannot open the action popup itself).
 */
import { getStoreSettings, saveStoreSettings } from '../settings-storage';
import { browser } from 'wxt/browser';
import type { ConnectionReport, Credentials } from '../../messages';
import { isValidHandle, type StoreRef } from '../../store-ref';
import { onMessage } from '../../messaging';
import { fail, ok, type Result } from '../../result';
import { ApiFailure, asResult } from '../../shopify/errors';
import { testConnection as probe } from '../../shopify/connection';
import { removeCredentials, saveCredentials, saveExchangedToken } from '../credentials';
import { buildClient, clientFor, forgetClient, isSandbox } from '../api';

export function connectUrl(handle: string): string {
  // tabs.create needs no permission; the hash is read by the popup to open its connect step.
  return browser.runtime.getURL(`/popup.html#connect?store=${encodeURIComponent(handle)}`);
}

export async function openConnect({ store }: { store: StoreRef }): Promise<Result<void>> {
  if (!isValidHandle(store.handle)) return fail('store_invalid', `"${store.handle}" is not a Shopify store name.`, { store: store.handle });
  await browser.tabs.create({ url: connectUrl(store.handle), active: true });
  return ok(undefined);
}

/** Refuses empty or malformed credentials before anything is sent. */
function checkCredentials(credentials: Credentials): ApiFailure | null {
  if (!credentials || typeof credentials !== 'object') return new ApiFailure('invalid_credentials', 'Enter an access token, or a client ID and secret.');
  if (credentials.kind === 'admin-token') {
    const token = typeof credentials.token === 'string' ? credentials.token.trim() : '';
    if (!token || /\s/.test(token)) return new ApiFailure('invalid_credentials', 'Enter the Admin API access token (it starts with shpat_).');
    return null;
  }
  if (credentials.kind === 'client-credentials') {
    const id = typeof credentials.clientId === 'string' ? credentials.clientId.trim() : '';
    const secret = typeof credentials.clientSecret === 'string' ? credentials.clientSecret.trim() : '';
    if (!id || !secret || /\s/.test(id + secret)) return new ApiFailure('invalid_credentials', 'Enter both the client ID and the client secret of your app.');
    return null;
  }
  return new ApiFailure('invalid_credentials', 'Enter an access token, or a client ID and secret.');
}

function trimmed(credentials: Credentials): Credentials {
  return credentials.kind === 'admin-token'
    ? { kind: 'admin-token', token: credentials.token.trim() }
    : { kind: 'client-credentials', clientId: credentials.clientId.trim(), clientSecret: credentials.clientSecret.trim() };
}

/** Tests the credentials first; they are saved only when the store accepted them. */
export async function connect({ store, credentials }: { store: StoreRef; credentials: Credentials }): Promise<Result<ConnectionReport>> {
  if (!isValidHandle(store.handle)) return fail('store_invalid', `"${store.handle}" is not a Shopify store name.`, { store: store.handle });
  const bad = checkCredentials(credentials);
  if (bad) return { ok: false, error: bad.toAppError() };
  const clean = trimmed(credentials);
  const client = buildClient(store, clean);
  const report = await probe(client);
  if (!report.ok) return report;
  const saved = await asResult(async () => {
    await saveCredentials(store, clean, isSandbox());
    // Keep the token the test obtained, so the first real call does not exchange again.
    const exchanged = client.tokens.cached;
    if (exchanged) await saveExchangedToken(store.handle, exchanged);
  });
  if (!saved.ok) return saved;
  forgetClient(store.handle);
  await rememberShopDomains(store.handle, report.value.shopDomains);
  return report;
}

/**
 * The shop's primary and connected domains go into the store's settings, where every classification
 * (card, list, bulk, automatic protection) reads its neutral forms: an order a connector already
 * moved to the merchant's own domain is protected, not a relay order.
 */
async function rememberShopDomains(handle: string, shopDomains: string[]): Promise<void> {
  const settings = await getStoreSettings(handle);
  if (JSON.stringify(settings.shopDomains) === JSON.stringify(shopDomains)) return;
  await saveStoreSettings(handle, { ...settings, shopDomains });
}

export function testConnection({ store }: { store: StoreRef }): Promise<Result<ConnectionReport>> {
  return asResult(async () => {
    const result = await probe(await clientFor(store));
    if (!result.ok) throw new ApiFailure(result.error.code, result.error.message, result.error.params);
    await rememberShopDomains(store.handle, result.value.shopDomains);
    return result.value;
  });
}

export async function disconnect({ store }: { store: StoreRef }): Promise<Result<void>> {
  if (!isValidHandle(store.handle)) return fail('store_invalid', `"${store.handle}" is not a Shopify store name.`, { store: store.handle });
  await removeCredentials(store.handle);
  forgetClient(store.handle);
  return ok(undefined);
}

export function registerConnectionHandlers(): void {
  onMessage('openConnect', 'store-tab', openConnect);
  onMessage('connect', 'extension', connect);
  onMessage('testConnection', 'extension', testConnection);
  onMessage('disconnect', 'extension', disconnect);
}
