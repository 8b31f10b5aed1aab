import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql } from '../fake-admin-api/http.ts';
import { DEMO_ORDERS, startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';

const RUN = `mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { field message code } } }`;
const CURRENT = `{ currentBulkOperation { id status errorCode objectCount rootObjectCount fileSize url } }`;
const BULK_QUERY = `{
  orders(query: "created_at:>=2026-06-01") {
    edges { node { id email sourceName customer { email } fulfillmentOrders { edges { node { id status } } } } }
  }
}`;

async function waitDone(api: FakeAdminApi) {
  for (let i = 0; i < 400; i++) {
    const { body } = await gql(api, CURRENT);
    const op = body.data.currentBulkOperation;
    if (op && !['CREATED', 'RUNNING', 'CANCELING'].includes(op.status)) return op;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('bulk operation did not finish');
}

describe('fake Admin API: bulk operations', () => {
  let api: FakeAdminApi;
  beforeAll(async () => {
    api = await startFakeAdminApi({ orders: 2500, plan: 'enterprise' }); // two bulk chunks
  });
  afterAll(() => api.close());
  beforeEach(() => api.reset());

  it('runs the query over every order and serves JSONL with nested nodes under __parentId', async () => {
    const started = await gql(api, RUN, { q: BULK_QUERY });
    expect(started.body.data.bulkOperationRunQuery).toEqual({ bulkOperation: { id: expect.stringMatching(/^gid:\/\/shopify\/BulkOperation\/\d+$/), status: 'CREATED' }, userErrors: [] });
    const op = await waitDone(api);
    const expected = [...api.store.allOrders()].filter((o) => o.createdAt >= Date.UTC(2026, 5, 1));
    expect(op.status).toBe('COMPLETED');
    expect(Number(op.rootObjectCount)).toBe(expected.length);
    const fos = expected.reduce((s, o) => s + o.fulfillmentOrders.length, 0);
    expect(Number(op.objectCount)).toBe(expected.length + fos);
    const res = await fetch(op.url);
    const text = await res.text();
    expect(Number(op.fileSize)).toBe(Buffer.byteLength(text));
    const lines = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(Number(op.objectCount));
    const amazon = lines.find((l) => l.id === DEMO_ORDERS.amazon.id);
    expect(amazon).toEqual({ id: DEMO_ORDERS.amazon.id, email: DEMO_ORDERS.amazon.email, sourceName: '5393085', customer: { email: DEMO_ORDERS.amazon.email } });
    const child = lines.find((l) => l.id === DEMO_ORDERS.amazon.fulfillmentOrderId);
    expect(child).toEqual({ id: DEMO_ORDERS.amazon.fulfillmentOrderId, status: 'OPEN', __parentId: DEMO_ORDERS.amazon.id });
    expect(lines.indexOf(child)).toBeGreaterThan(lines.indexOf(amazon));
  });

  it('allows one bulk query at a time, shows CREATED then RUNNING, and can cancel it', async () => {
    api.setBulkChunkDelay(60_000); // holds the run after its first chunk until cancelled
    const first = await gql(api, RUN, { q: BULK_QUERY });
    expect(first.body.data.bulkOperationRunQuery.bulkOperation.status).toBe('CREATED');
    const second = await gql(api, RUN, { q: BULK_QUERY });
    expect(second.body.data.bulkOperationRunQuery.userErrors[0]).toMatchObject({ code: 'OPERATION_IN_PROGRESS', message: expect.stringContaining('already in progress') });
    let running;
    for (let i = 0; i < 200; i++) {
      running = (await gql(api, CURRENT)).body.data.currentBulkOperation;
      if (running.status === 'RUNNING' && Number(running.objectCount) > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(running.status).toBe('RUNNING');
    expect(running.url).toBeNull();
    const cancel = await gql(api, `mutation($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { status } userErrors { message } } }`, { id: running.id });
    expect(cancel.body.data.bulkOperationCancel).toEqual({ bulkOperation: { status: 'CANCELING' }, userErrors: [] });
    const done = await waitDone(api);
    expect(done.status).toBe('CANCELED');
    expect(done.url).toBeNull();
    api.setBulkChunkDelay(0);
    const again = await gql(api, `mutation($id: ID!) { bulkOperationCancel(id: $id) { userErrors { message } } }`, { id: running.id });
    expect(again.body.data.bulkOperationCancel.userErrors[0].message).toMatch(/cannot be canceled/);
  });

  it('honours sortKey and reverse on the root connection', async () => {
    await gql(api, RUN, { q: '{ orders(sortKey: CREATED_AT, reverse: true) { edges { node { id createdAt } } } }' });
    const op = await waitDone(api);
    const lines = (await (await fetch(op.url)).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].id).toBe(DEMO_ORDERS.fixedByUs.id);
    const times = lines.map((l) => l.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('refuses an invalid bulk query with a userError', async () => {
    const bad = await gql(api, RUN, { q: '{ orders { edges { node { colour } } } }' });
    expect(bad.body.data.bulkOperationRunQuery).toMatchObject({ bulkOperation: null, userErrors: [{ field: ['query'], code: 'INVALID' }] });
    const two = await gql(api, RUN, { q: '{ shop { name } orders { edges { node { id } } } }' });
    expect(two.body.data.bulkOperationRunQuery.userErrors[0].code).toBe('INVALID');
  });

  it('completes with no file when nothing matches', async () => {
    await gql(api, RUN, { q: '{ orders(query: "email:nobody@nowhere.example") { edges { node { id } } } }' });
    const op = await waitDone(api);
    expect(op).toMatchObject({ status: 'COMPLETED', objectCount: '0', url: null });
  });

  it('fails with ACCESS_DENIED when the token lacks a scope the query needs', async () => {
    api.addToken('shpat_orders_only', ['read_orders', 'read_all_orders']);
    await gql(api, RUN, { q: '{ orders { edges { node { id customer { email } } } } }' }, { token: 'shpat_orders_only' });
    const op = await waitDone(api);
    expect(op).toMatchObject({ status: 'FAILED', errorCode: 'ACCESS_DENIED' });
  });
});
