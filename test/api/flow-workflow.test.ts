/**
 * The workflow's Liquid and GraphQL parts against the real Admin schema, and the whole workflow run
 * by the fake Flow on orders a connector creates.
 */
import { coerceInputValue, isInputObjectType } from 'graphql';
import { Liquid } from 'liquidjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildFlowWorkflow, flowVersion } from '../../lib/flow';
import { defaultSettings, type StoreSettings } from '../../lib/settings';
import { classifierFromSettings } from '../../lib/bulk/classify';
import { ORDERS_PAGE_QUERY as BULK_ORDERS_PAGE_QUERY, parseOrderNode } from '../../lib/bulk/queries';
import { protectedByFlow } from '../../lib/order-facts';
import { changeOrderEmail, restoreOriginal } from '../../lib/shopify/email-change';
import { readOrderFacts, readOrdersFacts } from '../../lib/shopify/order-facts';
import { compileRunCode } from '../fake-admin-api/flow-sandbox.ts';
import { contextFor } from './helpers';
import { gql } from '../fake-admin-api/http.ts';
import { adminSchema, ALL_SCOPES, startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index.ts';

const settings = (patch: Partial<StoreSettings>): StoreSettings => ({ ...defaultSettings(), ...patch });
const STORES: [string, StoreSettings][] = [
  ['strip', defaultSettings()],
  ['fixed', settings({ defaultStrategy: 'fixed', fixedEmail: 'orders@mystore.com' })],
  ['domain', settings({ defaultStrategy: 'domain', domain: 'mystore.com' })],
  ['domain + order id', settings({ defaultStrategy: 'domain', domain: 'mystore.com', domainLocalPart: 'order-id' })],
  ['prefix', settings({ defaultStrategy: 'prefix', prefix: 'bounce-' })],
  ['IDN domain', settings({ defaultStrategy: 'domain', domain: 'bücher.de' })],
];

/** Addresses that would break hand-built JSON: quotes, backslashes, Liquid-looking braces, non-ASCII, control characters. */
const NASTY: { email: string; sourceName?: string; sourceIdentifier?: string }[] = [
  { email: "o'brien{{x}}@members.ebay.de" },
  { email: 'x/y=z?^`|~#$%&*+@relay.walmart.com', sourceIdentifier: 'PO "7"\\8' },
  { email: 'käufer@marketplace.amazon.de', sourceIdentifier: '302-1234567-7654321' },
  { email: '日本語@marketplace.amazon.co.jp', sourceIdentifier: '250-1-2' },
  { email: 'emoji😀@members.ebay.com', sourceIdentifier: '123' },
  { email: 'abc@ｍａｒｋｅｔｐｌａｃｅ.amazon.com', sourceIdentifier: '111' },
  // Etsy by channel: strip removes even what is not an address, so these reach the Liquid as the original.
  { email: '"quoted \\"buyer\\""@gmail.com', sourceName: 'etsy' },
  { email: 'back\\slash "and" quotes@gmail.com', sourceName: 'etsy' },
  { email: 'line\u2028break\u0000@gmail.com', sourceName: 'etsy' },
];

describe('Mutation inputs: always valid JSON, always a valid OrderInput', () => {
  const liquid = new Liquid({ strictFilters: true });
  const orderInput = adminSchema().getType('OrderInput');

  it.each(STORES)('%s', async (_name, store) => {
    if (!isInputObjectType(orderInput)) throw new Error('OrderInput missing from the schema');
    const workflow = buildFlowWorkflow(store);
    const code = compileRunCode(workflow.code);
    let rendered = 0;
    for (const [i, nasty] of NASTY.entries()) {
      const order = { id: `gid://shopify/Order/${6_000_000 + i}`, email: nasty.email, sourceName: nasty.sourceName ?? 'amazon', sourceIdentifier: nasty.sourceIdentifier ?? null, tags: ['a "tag"', 'back\\slash'], app: { name: 'Connector "X"' }, channelInformation: null };
      const { output } = code.run({ order });
      const runCode = output as Record<string, string | boolean>;
      // Rendered whatever the condition says: the JSON must hold for any value the code can return.
      const text = String(await liquid.parseAndRender(workflow.mutationInputs, { order, runCode }));
      const variables = JSON.parse(text) as { input: { id: string; email: string; metafields: { key: string; value: string }[] } };
      expect(variables.input.id).toBe(order.id);
      expect(variables.input.email).toBe(runCode.email);
      expect(Object.fromEntries(variables.input.metafields.map((m) => [m.key, m.value]))).toEqual({ original_email: runCode.original, fixed_by: 'flow', flow_version: flowVersion(store) });
      expect(() => coerceInputValue(variables.input, orderInput)).not.toThrow();
      if (runCode.change) rendered++;
    }
    expect(rendered).toBeGreaterThanOrEqual(4); // the relays of every strategy are changed, not skipped
  });

  it('the Input query is valid against the Admin schema (as Flow feeds the order)', async () => {
    const api = await startFakeAdminApi({ orders: 0 });
    try {
      expect(() => api.flow.install(buildFlowWorkflow(defaultSettings()))).not.toThrow();
      expect(() => api.flow.install({ ...buildFlowWorkflow(defaultSettings()), inputQuery: '{ order { id emailAddress } }' })).toThrow(/Cannot query field "emailAddress"/);
      expect(() => api.flow.install({ ...buildFlowWorkflow(defaultSettings()), outputSdl: 'type Nope { a: String }' })).toThrow(/"Output"|type Output/);
    } finally {
      await api.close();
    }
  });
});

const CONNECTOR = { token: 'shpat_connector_flow', scopes: ALL_SCOPES, app: { id: 4383523, name: 'CedCommerce Multichannel' } };
const ORDER_CREATE = `mutation($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id } userErrors { message } } }`;
const READ = `query($id: ID!) { order(id: $id) { email original: metafield(namespace: "proxy_mail_guard", key: "original_email") { value } fixedBy: metafield(namespace: "proxy_mail_guard", key: "fixed_by") { value } version: metafield(namespace: "proxy_mail_guard", key: "flow_version") { value } } }`;

describe('the fake Flow runs the workflow on orders a connector creates', () => {
  let api: FakeAdminApi;
  beforeAll(async () => {
    api = await startFakeAdminApi({ orders: 10, tokens: [CONNECTOR] });
  });
  afterAll(() => api.close());
  beforeEach(() => api.reset());

  const create = async (order: Record<string, unknown>) => {
    const { body } = await gql(api, ORDER_CREATE, { order }, { token: CONNECTOR.token });
    expect(body.data.orderCreate.userErrors).toEqual([]);
    return body.data.orderCreate.order.id as string;
  };
  const read = async (id: string) => (await gql(api, READ, { id })).body.data.order;

  it('a relay order is fixed with the original and the marker; an ordinary order is left alone', async () => {
    const store = settings({ defaultStrategy: 'domain', domain: 'mystore.com', overrides: { ebay: 'strip' } });
    api.flow.install(buildFlowWorkflow(store));
    const amazon = await create({ email: 'c4dc1kt7abtb7qr@marketplace.amazon.de', sourceName: 'amazon' });
    const ebay = await create({ email: '415b21349b3e42193d47@members.ebay.com', sourceName: 'ebay' });
    const ordinary = await create({ email: 'jane@gmail.com', sourceName: 'web' });
    await api.flow.settled();
    expect(await read(amazon)).toEqual({ email: 'c4dc1kt7abtb7qr@mystore.com', original: { value: 'c4dc1kt7abtb7qr@marketplace.amazon.de' }, fixedBy: { value: 'flow' }, version: { value: flowVersion(store) } });
    expect(await read(ebay)).toEqual({ email: null, original: { value: '415b21349b3e42193d47@members.ebay.com' }, fixedBy: { value: 'flow' }, version: { value: flowVersion(store) } });
    expect(await read(ordinary)).toEqual({ email: 'jane@gmail.com', original: null, fixedBy: null, version: null });
    expect(api.flow.runs.map((r) => [r.output?.reason, r.conditionMet, r.error, r.userErrors])).toEqual([
      ['fixed', true, null, []],
      ['fixed', true, null, []],
      ['not_marketplace', false, null, []],
    ]);
    expect(api.counters.mutations.orderUpdate).toBe(2);
  });

  it('when Shopify refuses the change, the run records the user error and the order keeps its address', async () => {
    api.setSwitches({ emptyEmail: 'user-error' });
    api.flow.install(buildFlowWorkflow(defaultSettings()));
    const id = await create({ email: 'abc@relay.walmart.com' });
    await api.flow.settled();
    expect(api.flow.runs[0]!.userErrors).toEqual([{ field: ['email'], message: 'Email is invalid' }]);
    expect((await read(id)).email).toBe('abc@relay.walmart.com');
  });

  it('a broken code or Liquid is an error of the run, never a half-applied change', async () => {
    const parts = buildFlowWorkflow(defaultSettings());
    api.flow.install({ ...parts, code: parts.code.replace('out.change = true;', 'out.change = "yes";') });
    const id = await create({ email: 'abc@relay.walmart.com' });
    await api.flow.settled();
    expect(api.flow.runs[0]!.error).toMatch(/Output does not match the Output SDL/);
    api.flow.install({ ...parts, mutationInputs: parts.mutationInputs.replace('{{ runCode.email | json }}', '"{{ runCode.original }}\\"') });
    const second = await create({ email: 'abc"x@relay.walmart.com'.replace('"', '') });
    await api.flow.settled();
    expect(api.flow.runs[1]!.error).toMatch(/JSON/);
    expect((await read(id)).fixedBy).toBeNull();
    expect((await read(second)).fixedBy).toBeNull();
  });

  it('orders the workflow fixed are "protected by Flow" for the card, the list and the bulk scan; our own fixes and undone ones are not', async () => {
    const store = settings({ defaultStrategy: 'domain', domain: 'mystore.com' });
    api.flow.install(buildFlowWorkflow(store));
    const byFlow = await create({ email: 'c4dc1kt7abtb7qr@marketplace.amazon.de', sourceName: 'amazon' });
    const undone = await create({ email: '415b21349b3e42193d47@members.ebay.com', sourceName: 'ebay' });
    await api.flow.settled();
    api.flow.uninstall();
    const byUs = await create({ email: 'abc@relay.walmart.com' });
    const ctx = await contextFor(api);
    expect((await changeOrderEmail(ctx, byUs, { kind: 'strip' })).ok).toBe(true);
    expect((await restoreOriginal(ctx, undone)).ok).toBe(true);
    const numeric = (gidValue: string) => gidValue.split('/').pop()!;

    // The card's facts (one order) and the list's (many by id): the same shared fragment.
    const card = await readOrderFacts(ctx.client, numeric(byFlow));
    expect(card).toMatchObject({ fixedBy: 'flow', originalEmail: 'c4dc1kt7abtb7qr@marketplace.amazon.de' });
    expect(card!.fixedAt).toMatch(/^2026-/);
    const list = await readOrdersFacts(ctx.client, [byFlow, undone, byUs].map(numeric));
    const classify = classifierFromSettings(store);
    const verdicts = [byFlow, undone, byUs].map((id) => {
      const facts = list.facts.get(numeric(id))!;
      return [protectedByFlow(facts), classify(facts).protectedBy ?? null];
    });
    expect(verdicts).toEqual([[true, 'flow'], [false, null], [false, null]]);

    // The bulk scan's own query and parser.
    const { body } = await gql(api, BULK_ORDERS_PAGE_QUERY, { first: 10, after: null });
    const scanned = (body.data.orders.nodes as unknown[]).map(parseOrderNode).filter((o) => o !== null);
    const flagged = scanned.filter((o) => classify(o!).protectedBy === 'flow').map((o) => o!.id);
    expect(flagged).toEqual([numeric(byFlow)]);
  });

  it('turned off, it runs nothing', async () => {
    await create({ email: 'abc@relay.walmart.com' });
    await api.flow.settled();
    expect(api.flow.runs).toEqual([]);
  });
});
