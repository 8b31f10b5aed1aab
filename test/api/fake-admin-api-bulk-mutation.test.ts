/**
 * The fake's staged uploads and bulk mutations: the documented flow end to end over HTTP, each line
 * through the same resolvers as a single orderUpdate, nothing charged to the bucket unless switched on,
 * and the faults the client must survive.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAdminApi, DEMO_ORDERS, gql as rawGql, type FakeAdminApi } from '../fake-admin-api/index';
import { stored } from './helpers';

let api: FakeAdminApi;
const gql = async (a: FakeAdminApi, q: string, v: Record<string, unknown> = {}) => (await rawGql(a, q, v)).body;
beforeAll(async () => {
  api = await startFakeAdminApi({ orders: 50, seed: 9 });
});
afterAll(async () => api.close());
beforeEach(() => api.reset());

const MUTATION = `mutation M($input: OrderInput!) { orderUpdate(input: $input) { order { id email originalEmail: metafield(namespace: "proxy_mail_guard", key: "original_email") { value } } userErrors { field message } } }`;
const STAGE = `mutation S($input: [StagedUploadInput!]!) { stagedUploadsCreate(input: $input) { stagedTargets { url parameters { name value } } userErrors { field message } } }`;
const RUN = `mutation R($m: String!, $p: String!) { bulkOperationRunMutation(mutation: $m, stagedUploadPath: $p) { bulkOperation { id status } userErrors { field message code } } }`;
const NODE = `query N($id: ID!) { node(id: $id) { ... on BulkOperation { id status errorCode url partialDataUrl objectCount type } } }`;

async function stageAndUpload(lines: string[]): Promise<{ key: string; status: number }> {
  const staged = (await gql(api, STAGE, { input: [{ resource: 'BULK_MUTATION_VARIABLES', filename: 'v.jsonl', mimeType: 'text/jsonl', httpMethod: 'POST' }] })) as any;
  const target = staged.data.stagedUploadsCreate.stagedTargets[0];
  expect(new URL(target.url).origin).toBe(api.storageOrigin);
  const form = new FormData();
  for (const p of target.parameters) form.append(p.name, p.value);
  form.append('file', new Blob([lines.join('\n') + '\n']), 'v.jsonl');
  const res = await fetch(target.url, { method: 'POST', body: form });
  return { key: target.parameters.find((p: any) => p.name === 'key').value, status: res.status };
}

async function settle(id: string): Promise<any> {
  for (;;) {
    const op = ((await gql(api, NODE, { id })) as any).data.node;
    if (!['CREATED', 'RUNNING', 'CANCELING'].includes(op.status)) return op;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const line = (o: { legacyId: string; email: string | null }) =>
  JSON.stringify({ input: { id: `gid://shopify/Order/${o.legacyId}`, email: '', metafields: [{ namespace: 'proxy_mail_guard', key: 'original_email', type: 'single_line_text_field', value: o.email }] } });

describe('fake Admin API: bulk mutations', () => {
  it('stages, uploads, runs each line like a single orderUpdate, serves the results; the bucket is not charged', async () => {
    const orders = [DEMO_ORDERS.amazon, DEMO_ORDERS.ebay, DEMO_ORDERS.walmart];
    const up = await stageAndUpload([...orders.map(line), JSON.stringify({ input: { id: 'gid://shopify/Order/1', email: 'not an email' } })]);
    expect(up.status).toBe(201);
    const before = api.throttleStatus().currentlyAvailable;
    const run = (await gql(api, RUN, { m: MUTATION, p: up.key })) as any;
    expect(run.data.bulkOperationRunMutation.userErrors).toEqual([]);
    const op = await settle(run.data.bulkOperationRunMutation.bulkOperation.id);
    expect(op).toMatchObject({ status: 'COMPLETED', type: 'MUTATION', objectCount: '4' });
    const lines = (await (await fetch(op.url)).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.__lineNumber)).toEqual([0, 1, 2, 3]);
    expect(lines[0].data.orderUpdate.order).toMatchObject({ email: null, originalEmail: { value: DEMO_ORDERS.amazon.email } });
    expect(lines[3].data.orderUpdate).toMatchObject({ order: null, userErrors: [{ field: ['id'] }] });
    for (const o of orders) expect(stored(api, o.legacyId)).toMatchObject({ email: null, original: o.email });
    expect(api.counters.mutations.orderUpdate).toBe(4);
    expect(api.throttleStatus().currentlyAvailable).toBeGreaterThanOrEqual(before - 20);
  });

  it('one at a time (OPERATION_IN_PROGRESS), a missing file (NO_SUCH_FILE), refused and expired uploads', async () => {
    api.bulkMutations.linesPerSecond = 20;
    const up = await stageAndUpload([line(DEMO_ORDERS.amazon), line(DEMO_ORDERS.ebay)]);
    const first = (await gql(api, RUN, { m: MUTATION, p: up.key })) as any;
    const second = (await gql(api, RUN, { m: MUTATION, p: up.key })) as any;
    expect(second.data.bulkOperationRunMutation.userErrors[0].code).toBe('OPERATION_IN_PROGRESS');
    const current = (await gql(api, `{ currentBulkOperation(type: MUTATION) { id status } }`)) as any;
    expect(current.data.currentBulkOperation.id).toBe(first.data.bulkOperationRunMutation.bulkOperation.id);
    await settle(first.data.bulkOperationRunMutation.bulkOperation.id);
    const missing = (await gql(api, RUN, { m: MUTATION, p: 'tmp/1/bulk/none/v.jsonl' })) as any;
    expect(missing.data.bulkOperationRunMutation.userErrors[0].code).toBe('NO_SUCH_FILE');
    api.stagedUploads.refuseNext = 1;
    expect((await stageAndUpload([line(DEMO_ORDERS.amazon)])).status).toBe(403);
    api.stagedUploads.expireNext = 1;
    expect((await stageAndUpload([line(DEMO_ORDERS.amazon)])).status).toBe(400);
  });

  it('FAILED part-way leaves a partial file; missing result lines; charging the bucket when switched on', async () => {
    const orders = [DEMO_ORDERS.amazon, DEMO_ORDERS.ebay, DEMO_ORDERS.walmart, DEMO_ORDERS.kaufland];
    api.bulkMutations.faults.stopAfter = { lines: 2, status: 'FAILED' };
    let up = await stageAndUpload(orders.map(line));
    let run = (await gql(api, RUN, { m: MUTATION, p: up.key })) as any;
    let op = await settle(run.data.bulkOperationRunMutation.bulkOperation.id);
    expect(op).toMatchObject({ status: 'FAILED', errorCode: 'INTERNAL_SERVER_ERROR', url: null });
    expect((await (await fetch(op.partialDataUrl)).text()).trim().split('\n')).toHaveLength(2);
    expect(stored(api, DEMO_ORDERS.walmart.legacyId).email).toBe(DEMO_ORDERS.walmart.email);

    api.reset();
    api.bulkMutations.faults.missingLines = 2;
    api.bulkMutations.charge = true;
    up = await stageAndUpload(orders.map(line));
    const before = api.counters.costUsed;
    run = (await gql(api, RUN, { m: MUTATION, p: up.key })) as any;
    op = await settle(run.data.bulkOperationRunMutation.bulkOperation.id);
    const lines = (await (await fetch(op.url)).text()).trim().split('\n');
    expect(lines).toHaveLength(2);
    // One lost line never ran, the other ran without its result line.
    expect(api.counters.mutations.orderUpdate).toBe(3);
    expect(api.counters.costUsed - before).toBeGreaterThanOrEqual(30);
  });
});
