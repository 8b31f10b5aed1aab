/**
 * The request queue and client against a scripted fetch with its own leaky bucket, on a virtual clock
 * (sleep advances time instantly), so pacing, retries and token handling are exact and fast.
 * The same behaviours run against the fake Admin API server in test/api/.
 */
import { describe, expect, it } from 'vitest';
import { AdminClient, backoff } from '../../lib/shopify/client';
import type { Clock } from '../../lib/shopify/clock';
import { ApiFailure } from '../../lib/shopify/errors';
import type { Credentials } from '../../lib/messages';

const TOKEN = 'shpat_0123456789abcdef0123456789abcdef';

/**
 * Virtual time: `sleep` registers a timer; once everything else has settled (a macrotask later), time
 * jumps to the earliest timer. So concurrent waits overlap as they would in real time, without waiting.
 */
function virtualClock() {
  let t = 1_000_000;
  const timers: Array<{ at: number; resolve: () => void }> = [];
  const clock: Clock = {
    now: () => t,
    random: () => 0.5,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        timers.push({ at: t + Math.max(0, ms), resolve });
        setImmediate(() => {
          timers.sort((a, b) => a.at - b.at);
          const next = timers.shift();
          if (!next) return;
          t = Math.max(t, next.at);
          next.resolve();
        });
      }),
  };
  return { clock, now: () => t, advance: (ms: number) => void (t += ms) };
}

interface Script {
  /** Per call: what to do instead of answering normally. */
  fault?: (call: number, body: { query: string; variables: Record<string, unknown> }, headers: Headers) => 'drop' | 'drop-after' | 429 | 502 | 401 | 'throttled' | null;
  cost?: (query: string) => number;
}

function harness(
  options: { max?: number; restore?: number; script?: Script; credentials?: Credentials; sandbox?: boolean; origin?: string; jitter?: boolean } = {},
) {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const { clock, now, advance } = virtualClock();
  const t = 0;
  void t;
  const max = options.max ?? 100;
  const restore = options.restore ?? 50;
  let level = max;
  let levelAt = now();
  const log: Array<{ url: string; query: string; token: string | null; throttled: boolean; sentAt: number }> = [];
  let applied = 0;
  let calls = 0;
  let exchanges = 0;
  const refill = () => {
    const t = now();
    level = Math.min(max, level + ((t - levelAt) * restore) / 1000);
    levelAt = t;
  };
  const status = () => ({ maximumAvailable: max, currentlyAvailable: Math.floor(level), restoreRate: restore });
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/admin/oauth/access_token')) {
      exchanges++;
      const form = new URLSearchParams(String(init?.body));
      if (form.get('client_secret') !== 'secret-1') return json({ error: 'invalid_client' }, 401);
      return json({ access_token: `exchanged-${exchanges}`, scope: 'read_orders,write_orders', expires_in: 3600 });
    }
    const body = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
    const headers = new Headers(init?.headers);
    const call = calls++;
    const fault = options.script?.fault?.(call, body, headers) ?? null;
    const token = headers.get('X-Shopify-Access-Token');
    log.push({ url, query: body.query, token, throttled: false, sentAt: now() });
    // Network and server time: the bucket is judged 20 ms after sending (or 0–40 ms with jitter) …
    await clock.sleep(options.jitter ? rand() * 40 : 20);
    if (fault === 'drop') throw new TypeError('fetch failed');
    if (fault === 401) return json({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }, 401);
    if (fault === 502) return new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } });
    const cost = options.script?.cost?.(body.query) ?? (body.query.includes('mutation') ? 10 : 4);
    refill();
    if (fault === 429 || fault === 'throttled' || level < cost) {
      log[log.length - 1]!.throttled = true;
      const payload = {
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
        extensions: { cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus: status() } },
      };
      return json(payload, fault === 429 ? 429 : 200);
    }
    level -= cost;
    if (body.query.includes('mutation')) applied++;
    if (fault === 'drop-after') throw new TypeError('fetch failed');
    // … and with jitter the answer takes 0–80 ms more, so answers overtake each other.
    const snapshot = status();
    if (options.jitter) await clock.sleep(rand() * 80);
    return json({
      data: body.query.includes('mutation') ? { orderUpdate: { userErrors: [] } } : { shop: { name: 'Demo' } },
      extensions: { cost: { requestedQueryCost: cost, actualQueryCost: cost, throttleStatus: snapshot } },
    });
  }) as typeof fetch;

  const client = new AdminClient({
    store: { handle: 'demo-store', ...(options.origin ? { origin: options.origin } : {}) },
    credentials: options.credentials ?? { kind: 'admin-token', token: TOKEN },
    sandbox: options.sandbox ?? false,
    fetch: fetchFn,
    clock,
  });
  return {
    client,
    log,
    clock,
    get now() {
      return now();
    },
    get applied() {
      return applied;
    },
    get exchanges() {
      return exchanges;
    },
    advance,
  };
}

const QUERY = '#graphql\n query Shop { shop { name } }';
const MUTATION = '#graphql\n mutation Update($input: OrderInput!) { orderUpdate(input: $input) { userErrors { field message } } }';

async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('request queue pacing', () => {
  it('waits before overdrawing the bucket: 100 requests, zero THROTTLED, near the restore-rate limit', async () => {
    const h = harness({ max: 100, restore: 50 });
    const start = h.now;
    await Promise.all(Array.from({ length: 100 }, () => h.client.request(MUTATION, {}, { mutation: true })));
    expect(h.log.filter((r) => r.throttled)).toEqual([]);
    expect(h.applied).toBe(100);
    // 1000 points with a 100-point bucket restoring 50/s cannot take less than 18 s …
    const seconds = (h.now - start) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(18);
    // … and pacing from the reported levels wastes little of it.
    expect(seconds).toBeLessThan(18 * 1.15);
  });

  it('stays safe when answers overtake each other (random latencies, 6 in flight)', async () => {
    const h = harness({ max: 100, restore: 50, jitter: true });
    const start = h.now;
    await Promise.all(Array.from({ length: 200 }, () => h.client.request(MUTATION, {}, { mutation: true })));
    expect(h.log.filter((r) => r.throttled)).toEqual([]);
    expect(h.client.queue.stats.maxInFlightSeen).toBeGreaterThan(1);
    const ideal = (200 * 10 - 100) / 50;
    expect((h.now - start) / 1000).toBeLessThan(ideal * 1.1);
  });

  it('sends one request alone until the first answer tells the bucket size', async () => {
    const h = harness();
    await Promise.all([h.client.request(QUERY), h.client.request(QUERY), h.client.request(QUERY)]);
    expect(h.log.length).toBe(3);
    // The second request left only after the first was answered (20 ms round trip) …
    expect(h.log[1]!.sentAt).toBeGreaterThanOrEqual(h.log[0]!.sentAt + 20);
    // … and after that, requests overlap.
    expect(h.log[2]!.sentAt).toBe(h.log[1]!.sentAt);
  });

  it('learns a document cost and the bucket from responses, not from constants', async () => {
    const h = harness({ max: 40, restore: 10, script: { cost: () => 30 } });
    await h.client.request(QUERY);
    expect(h.client.queue.bucket.snapshot).toMatchObject({ maximumAvailable: 40, restoreRate: 10 });
    expect(h.client.queue.bucket.estimate(QUERY)).toBe(30);
    await Promise.all([h.client.request(QUERY), h.client.request(QUERY)]);
    expect(h.log.filter((r) => r.throttled)).toEqual([]);
  });
});

describe('retries', () => {
  it('retries a THROTTLED answer (HTTP 200) and a 429 after the bucket refills', async () => {
    const h = harness({ script: { fault: (call) => (call === 1 ? 'throttled' : call === 2 ? 429 : null) } });
    await h.client.request(QUERY);
    await expect(h.client.request(QUERY)).resolves.toEqual({ shop: { name: 'Demo' } });
    expect(h.client.stats.throttled).toBe(2);
  });

  it('retries 502 and network errors on queries with backoff', async () => {
    const h = harness({ script: { fault: (call) => (call === 0 ? 502 : call === 1 ? 'drop' : null) } });
    const start = h.now;
    await expect(h.client.request(QUERY)).resolves.toEqual({ shop: { name: 'Demo' } });
    expect(h.log.length).toBe(3);
    expect(h.now - start).toBeGreaterThanOrEqual(375 + 750); // equal-jitter backoff, random 0.5
  });

  it('gives up with store_unreachable after repeated network errors', async () => {
    const h = harness({ script: { fault: () => 'drop' } });
    const failure = await failureOf(h.client.request(QUERY));
    expect(failure.code).toBe('store_unreachable');
    expect(h.log.length).toBe(5);
  });

  it('gives up with throttled_too_long when Shopify keeps throttling', async () => {
    const h = harness({ script: { fault: () => 'throttled' } });
    const failure = await failureOf(h.client.request(QUERY));
    expect(failure.code).toBe('throttled_too_long');
  });

  it('never re-sends a mutation whose answer was lost unless a re-read shows it is not applied', async () => {
    const lost = harness({ script: { fault: (call) => (call === 0 ? 'drop-after' : null) } });
    expect(await lost.client.request(MUTATION, {}, { mutation: true, verifyApplied: async () => lost.applied > 0 })).toBeNull();
    expect(lost.applied).toBe(1);

    const dropped = harness({ script: { fault: (call) => (call === 0 ? 'drop' : null) } });
    await dropped.client.request(MUTATION, {}, { mutation: true, verifyApplied: async () => dropped.applied > 0 });
    expect(dropped.applied).toBe(1);
    expect(dropped.log.length).toBe(2);

    const blind = harness({ script: { fault: (call) => (call === 0 ? 'drop' : null) } });
    expect((await failureOf(blind.client.request(MUTATION, {}, { mutation: true }))).code).toBe('store_unreachable');
    expect(blind.log.length).toBe(1);
  });

  it('backoff grows and is jittered', () => {
    const clock: Clock = { now: () => 0, sleep: async () => {}, random: () => 1 };
    expect(backoff(0, clock, 500, 8000)).toBe(500);
    expect(backoff(3, clock, 500, 8000)).toBe(4000);
    expect(backoff(10, clock, 500, 8000)).toBe(8000);
    expect(backoff(3, { ...clock, random: () => 0 }, 500, 8000)).toBe(2000);
  });
});

describe('credentials', () => {
  it('an invalid admin token gives token_invalid, and the token appears in no error', async () => {
    const h = harness({ script: { fault: () => 401 } });
    const failure = await failureOf(h.client.request(QUERY));
    expect(failure.code).toBe('token_invalid');
    expect(JSON.stringify({ ...failure.toAppError(), stack: failure.stack })).not.toContain(TOKEN);
    expect(h.log.length).toBe(1);
  });

  it('exchanges client credentials once, reuses the token, renews 5 minutes before expiry and once after a 401', async () => {
    let reject = false;
    const h = harness({
      credentials: { kind: 'client-credentials', clientId: 'id-1', clientSecret: 'secret-1' },
      script: { fault: (_c, _b, headers) => (reject && headers.get('X-Shopify-Access-Token') === 'exchanged-2' ? 401 : null) },
    });
    await h.client.request(QUERY);
    await h.client.request(QUERY);
    expect(h.exchanges).toBe(1);
    expect(h.log.map((r) => r.token)).toEqual(['exchanged-1', 'exchanged-1']);
    h.advance(3600_000 - 5 * 60_000 + 1);
    await h.client.request(QUERY);
    expect(h.exchanges).toBe(2);
    reject = true;
    await h.client.request(QUERY);
    expect(h.exchanges).toBe(3);
    expect(h.log.at(-1)!.token).toBe('exchanged-3');
  });

  it('a wrong client secret gives client_credentials_rejected', async () => {
    const h = harness({ credentials: { kind: 'client-credentials', clientId: 'id-1', clientSecret: 'nope-secret' } });
    const failure = await failureOf(h.client.request(QUERY));
    expect(failure.code).toBe('client_credentials_rejected');
    expect(failure.message).not.toContain('nope-secret');
  });
});

describe('where requests go', () => {
  it("sends to the store's own myshopify host with the pinned version", async () => {
    const h = harness();
    await h.client.request(QUERY);
    expect(h.log[0]!.url).toBe('https://demo-store.myshopify.com/admin/api/2025-01/graphql.json');
  });

  it('where a window exists (Firefox background page) the same request goes out through graphql-client', async () => {
    const g = globalThis as { window?: unknown };
    g.window = {};
    try {
      const h = harness();
      await expect(h.client.request(QUERY)).resolves.toEqual({ shop: { name: 'Demo' } });
      expect(h.log[0]).toMatchObject({ url: 'https://demo-store.myshopify.com/admin/api/2025-01/graphql.json', token: TOKEN });
    } finally {
      delete g.window;
    }
  });

  it('uses a loopback sandbox origin only in sandbox mode', async () => {
    const sandbox = harness({ sandbox: true, origin: 'http://127.0.0.1:4321' });
    await sandbox.client.request(QUERY);
    expect(sandbox.log[0]!.url).toBe('http://127.0.0.1:4321/admin/api/2025-01/graphql.json');
    const production = harness({ sandbox: false, origin: 'http://127.0.0.1:4321' });
    await production.client.request(QUERY);
    expect(production.log[0]!.url).toBe('https://demo-store.myshopify.com/admin/api/2025-01/graphql.json');
    const notLoopback = harness({ sandbox: true, origin: 'https://evil.example' });
    await notLoopback.client.request(QUERY);
    expect(notLoopback.log[0]!.url).toBe('https://demo-store.myshopify.com/admin/api/2025-01/graphql.json');
  });
});

describe('error codes', () => {
  it('every API error code has a sentence in every locale', async () => {
    const { API_ERROR_CODES } = await import('../../lib/shopify/errors');
    for (const locale of ['en', 'fr', 'de', 'es', 'it', 'nl']) {
      const catalogue = (await import(`../../public/_locales/${locale}/messages.json`)).default as Record<string, { message: string }>;
      for (const code of API_ERROR_CODES) expect(catalogue[`err_${code}`]?.message, `${locale} err_${code}`).toBeTruthy();
    }
  });
});
