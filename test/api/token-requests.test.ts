/**
 * Requests that carry the token (or the app's client secret) never follow a redirect, and stored
 * credentials never go to an origin a page supplied. Real HTTP servers on 127.0.0.1: a "store" that
 * answers 307 towards a catcher, and the catcher that records whatever reaches it.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AdminClient } from '../../lib/shopify/client';
import { testConnection } from '../../lib/shopify/connection';
import { startFakeAdminApi, DEMO_ORDERS, type FakeAdminApi } from '../fake-admin-api/index';
import { sendMessage } from '../../lib/messaging';
import { registerConnectionHandlers } from '../../lib/platform/handlers/connection';
import { registerOrderHandlers } from '../../lib/platform/handlers/order';
import { resetApiRegistry, setClientOverrides } from '../../lib/platform/api';
import { saveCredentials } from '../../lib/platform/credentials';

interface Caught {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

let catcher: Server;
let catcherOrigin: string;
const caught: Caught[] = [];
let redirector: Server;
let redirectorOrigin: string;
let api: FakeAdminApi;

beforeAll(async () => {
  catcher = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      caught.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'stolen', scope: 'read_orders', expires_in: 3600, data: {} }));
    });
  });
  catcherOrigin = await listen(catcher);
  // Answers every request with a 307 (method and body kept) to the same path on the catcher.
  redirector = createServer((req, res) => {
    req.resume();
    res.writeHead(307, { Location: `${catcherOrigin}${req.url ?? '/'}` });
    res.end();
  });
  redirectorOrigin = await listen(redirector);
  api = await startFakeAdminApi({ orders: 10, seed: 2 });
});

afterAll(async () => {
  await new Promise((r) => catcher.close(r));
  await new Promise((r) => redirector.close(r));
  await api.close();
});

beforeEach(() => {
  caught.length = 0;
});

const clientVia = (origin: string, credentials: ConstructorParameters<typeof AdminClient>[0]['credentials']) =>
  new AdminClient({ store: { handle: 'victim', origin }, sandbox: true, credentials, maxNetworkRetries: 0 });

describe('token-bearing requests never follow redirects', () => {
  it('an Admin API request answered with a redirect fails; the token reaches nobody else', async () => {
    const token = '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';
    const result = await testConnection(clientVia(redirectorOrigin, { kind: 'admin-token', token }));
    expect(result).toMatchObject({ ok: false, error: { code: 'store_unreachable' } });
    expect(caught).toEqual([]);
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it('the client-credentials grant answered with a redirect fails; the secret reaches nobody else', async () => {
    const result = await testConnection(clientVia(redirectorOrigin, { kind: 'client-credentials', clientId: 'app-id', clientSecret: 'shpss_secretsecretsecret' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'store_unreachable' } });
    expect(caught).toEqual([]);
  });

  it('control: the catcher does record a request sent to it directly (the test can see a leak)', async () => {
    await testConnection(clientVia(catcherOrigin, { kind: 'admin-token', token: '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' }));
    expect(caught.length).toBeGreaterThan(0);
    expect(caught[0]!.headers['x-shopify-access-token']).toBe('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');
  });
});

describe('sandbox build: stored credentials never go to an origin the caller supplied', () => {
  beforeEach(() => {
    api.reset();
    resetApiRegistry();
    setClientOverrides({ sandbox: true, maxNetworkRetries: 0 });
    registerConnectionHandlers();
    registerOrderHandlers();
  });

  it('connected at the fake API, a later call naming another loopback origin still goes to the saved one', async () => {
    const connected = await sendMessage('connect', { store: { handle: api.shop, origin: api.origin }, credentials: { kind: 'admin-token', token: api.token } });
    expect(connected.ok).toBe(true);
    resetApiRegistry(); // no cached client: the next call builds one from storage, as a restarted worker does
    const facts = await sendMessage('getOrderFacts', { store: { handle: api.shop, origin: catcherOrigin }, orderId: DEMO_ORDERS.amazon.legacyId });
    expect(facts).toMatchObject({ ok: true, value: { email: DEMO_ORDERS.amazon.email } });
    expect(caught).toEqual([]);
  });

  it('credentials saved for the real store (no sandbox origin) go to Shopify, not to a loopback origin a call names', async () => {
    const urls: string[] = [];
    setClientOverrides({
      sandbox: true,
      maxNetworkRetries: 0,
      fetch: async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        urls.push(url);
        if (url.startsWith('http://127.0.0.1')) return fetch(url, init);
        throw new TypeError('offline'); // the test machine has no route to Shopify
      },
    });
    await saveCredentials({ handle: 'real-shop' }, { kind: 'admin-token', token: 'shpat_realrealrealrealrealrealrealreal' }, true);
    const facts = await sendMessage('getOrderFacts', { store: { handle: 'real-shop', origin: catcherOrigin }, orderId: '1' });
    expect(facts).toMatchObject({ ok: false, error: { code: 'store_unreachable' } });
    expect(caught).toEqual([]);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => u.startsWith('https://real-shop.myshopify.com/'))).toBe(true);
  });
});
