import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getCredentials, removeCredentials, resolveStoreRef, saveCredentials, saveExchangedToken } from '../../lib/platform/credentials';

const token = { kind: 'admin-token', token: 'shpat_abcdefabcdefabcdefabcdefabcdef12' } as const;

describe('credentials storage', () => {
  it('lives in storage.local under credentials:{handle}, never in sync', async () => {
    await saveCredentials({ handle: 'demo-store' }, token, false);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['credentials:demo-store']);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await getCredentials('demo-store')).toMatchObject({ credentials: token });
    await removeCredentials('demo-store');
    expect(await getCredentials('demo-store')).toBeNull();
  });

  it('keeps a sandbox origin only in sandbox builds and only when it is loopback', async () => {
    expect((await saveCredentials({ handle: 'a', origin: 'http://127.0.0.1:4000' }, token, false)).origin).toBeUndefined();
    expect((await saveCredentials({ handle: 'a', origin: 'http://127.0.0.1:4000' }, token, true)).origin).toBe('http://127.0.0.1:4000');
    expect((await saveCredentials({ handle: 'a', origin: 'https://evil.example' }, token, true)).origin).toBeUndefined();
    const stored = await getCredentials('a');
    expect(resolveStoreRef({ handle: 'a', origin: 'http://127.0.0.1:9' }, stored, false)).toEqual({ handle: 'a' });
    // Saved without an origin: they belong to Shopify; a page-supplied loopback origin does not redirect them.
    expect(resolveStoreRef({ handle: 'a', origin: 'http://localhost:9' }, stored, true)).toEqual({ handle: 'a' });
    // Nothing saved yet (connect testing typed-in credentials): the loopback origin may stand in, sandbox only.
    expect(resolveStoreRef({ handle: 'a', origin: 'http://localhost:9' }, null, true)).toEqual({ handle: 'a', origin: 'http://localhost:9' });
    await saveCredentials({ handle: 'c', origin: 'http://127.0.0.1:4000' }, token, true);
    expect(resolveStoreRef({ handle: 'c', origin: 'http://127.0.0.1:6666' }, await getCredentials('c'), true)).toEqual({ handle: 'c', origin: 'http://127.0.0.1:4000' });
  });

  it('keeps an exchanged token with the client credentials, and forgets it on request', async () => {
    await saveCredentials({ handle: 'b' }, { kind: 'client-credentials', clientId: 'id', clientSecret: 'secret' }, false);
    await saveExchangedToken('b', { token: 't1', scope: 'read_orders', expiresAt: 123 });
    expect((await getCredentials('b'))?.exchanged).toEqual({ token: 't1', scope: 'read_orders', expiresAt: 123 });
    await saveExchangedToken('b', undefined);
    expect((await getCredentials('b'))?.exchanged).toBeUndefined();
    await saveExchangedToken('nobody', { token: 't', scope: '', expiresAt: 1 });
    expect(await getCredentials('nobody')).toBeNull();
  });
});
