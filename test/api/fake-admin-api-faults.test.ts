import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql } from '../fake-admin-api/http.ts';
import { DEMO_ORDERS, startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';

const UPDATE = `mutation($input: OrderInput!) { orderUpdate(input: $input) { order { email } userErrors { message } } }`;
const READ = `query($id: ID!) { order(id: $id) { email } }`;
const stored = (api: FakeAdminApi) => api.store.orderById(Number(DEMO_ORDERS.amazon.legacyId))!.email;
const update = (api: FakeAdminApi) => gql(api, UPDATE, { input: { id: DEMO_ORDERS.amazon.id, email: 'fixed@demo-store.com' } });

describe('fake Admin API: fault injection', () => {
  let api: FakeAdminApi;
  beforeAll(async () => {
    api = await startFakeAdminApi({ orders: 20, plan: 'enterprise', clock: 'manual' });
  });
  afterAll(() => api.close());
  beforeEach(() => api.reset());

  it('drops the connection before applying: the client sees a network error, nothing changed', async () => {
    api.faults.dropNext(1, { phase: 'before', only: 'mutation' });
    await expect(update(api)).rejects.toThrow();
    expect(stored(api)).toBe(DEMO_ORDERS.amazon.email);
    expect(api.counters.mutations.orderUpdate).toBeUndefined();
    expect((await update(api)).body.data.orderUpdate.order.email).toBe('fixed@demo-store.com');
  });

  it('drops the connection after applying: the client sees a network error, the change is there', async () => {
    api.faults.dropNext(1, { phase: 'after', only: 'mutation' });
    await expect(update(api)).rejects.toThrow();
    expect(stored(api)).toBe('fixed@demo-store.com');
    expect(api.counters.mutations.orderUpdate).toBe(1);
    expect(api.counters.costUsed).toBe(10); // it was charged, too
  });

  it('only: "mutation" lets reads through', async () => {
    api.faults.dropNext(1, { only: 'mutation' });
    expect((await gql(api, READ, { id: DEMO_ORDERS.amazon.id })).status).toBe(200);
    await expect(update(api)).rejects.toThrow();
  });

  it('answers 502 with an HTML page and applies nothing', async () => {
    api.faults.fail502Next(2);
    for (let i = 0; i < 2; i++) {
      const { status, body, headers } = await update(api);
      expect(status).toBe(502);
      expect(headers.get('content-type')).toMatch(/text\/html/);
      expect(body).toMatch(/502 Bad Gateway/);
    }
    expect(stored(api)).toBe(DEMO_ORDERS.amazon.email);
    expect((await update(api)).status).toBe(200);
  });

  it('slows answers down', async () => {
    api.faults.slowNext(1, 300);
    const t = performance.now();
    const { status } = await gql(api, READ, { id: DEMO_ORDERS.amazon.id });
    expect(status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(290);
    const t2 = performance.now();
    await gql(api, READ, { id: DEMO_ORDERS.amazon.id });
    expect(performance.now() - t2).toBeLessThan(290);
  });

  it('throttles every request during a storm, whatever the bucket holds', async () => {
    api.faults.throttleStorm(5000);
    for (let i = 0; i < 3; i++) {
      const { body } = await gql(api, READ, { id: DEMO_ORDERS.amazon.id });
      expect(body.errors[0].extensions.code).toBe('THROTTLED');
      expect(body.extensions.cost.actualQueryCost).toBeNull();
    }
    api.clock.advance(5000);
    expect((await gql(api, READ, { id: DEMO_ORDERS.amazon.id })).body.data.order.email).toBe(DEMO_ORDERS.amazon.email);
    expect(api.counters.throttledResponses).toBe(3);
  });

  it('takes faults over HTTP too', async () => {
    const post = (body: unknown) => fetch(`${api.origin}/__fake/faults`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
    expect((await post({ dropNext: { count: 1, phase: 'after', only: 'mutation' } })).status).toBe(200);
    await expect(update(api)).rejects.toThrow();
    expect(stored(api)).toBe('fixed@demo-store.com');
    await post({ fail502Next: 1 });
    expect((await gql(api, READ, { id: DEMO_ORDERS.amazon.id })).status).toBe(502);
    await post({ throttleStorm: 1000 });
    expect((await gql(api, READ, { id: DEMO_ORDERS.amazon.id })).body.errors[0].message).toBe('Throttled');
    await post({ clear: true, slowNext: { count: 1, ms: 50 } });
    expect((await gql(api, READ, { id: DEMO_ORDERS.amazon.id })).status).toBe(200);
    expect((await post('not json{')).status).toBe(400);
    expect((await post({ explode: 1 })).status).toBe(400);
  });

  it('never injects faults into the sandbox admin’s own requests', async () => {
    api.faults.dropNext(1);
    api.faults.throttleStorm(10_000);
    const { status } = await gql(api, READ, { id: DEMO_ORDERS.amazon.id }, { token: null, sandbox: true });
    expect(status).toBe(200);
    await expect(gql(api, READ, { id: DEMO_ORDERS.amazon.id })).rejects.toThrow();
  });
});
