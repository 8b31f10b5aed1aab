// Past 400 lines on purpose: one resolver per schema field Shopify offers, mirrored field by field; the views and search live beside it.
import { GraphQLError } from 'graphql';
import { PLAN_LIMITS } from './bucket.ts';
import { gid, parseGid, type CustomerRecord, type MetafieldRecord, type OrderRecord } from './model.ts';
import { compileSearch } from './search.ts';
import { ALL_SCOPES, hasScope, type OutboxKind, type RequestContext } from './state.ts';
import {
  customerView,
  FULFILLMENT_ORDER_READ,
  FULFILLMENT_ORDER_WRITE,
  fulfillmentOrderView,
  fulfillmentView,
  iso,
  metafieldAccessors,
  metafieldDigest,
  metafieldView,
  orderView,
  requireScope,
} from './views.ts';

type Args = Record<string, unknown>;
const DAY = 86_400_000;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Orders older than 60 days are invisible without read_all_orders, as on Shopify. */
function visibleSince(ctx: RequestContext): number | null {
  return ctx.sandbox || hasScope(ctx.scopes, 'read_all_orders') ? null : ctx.state.store.now() - 60 * DAY;
}

function findOrder(ctx: RequestContext, id: unknown): OrderRecord | null {
  const parsed = parseGid(id);
  if (!parsed || parsed.type !== 'Order') return null;
  const order = ctx.state.store.orderById(parsed.id);
  const since = visibleSince(ctx);
  return order && (since === null || order.createdAt >= since) ? order : null;
}

function invalidId(id: unknown, type: string): GraphQLError {
  return new GraphQLError(`Invalid global id '${String(id)}'`, { extensions: { code: 'argumentLiteralsIncompatible', typeName: 'CoercionError' } , path: undefined });
}

function checkGid(id: unknown, type: string): void {
  const parsed = parseGid(id);
  if (!parsed) throw invalidId(id, type);
}

function ordersConnection(ctx: RequestContext, args: Args) {
  const store = ctx.state.store;
  if (ctx.bulkSlice) {
    // Bulk operations page through everything themselves: no first/last, no cursor.
    const search = compileSearch(args.query as string | undefined, { leadingWildcard: ctx.state.switches.leadingWildcard, now: store.now() });
    const since = visibleSince(ctx);
    const nodes: Record<string, unknown>[] = [];
    const posAt = store.positionsInOrder((args.sortKey as string | null) ?? 'ID', args.reverse as boolean | null);
    for (let i = ctx.bulkSlice.from; i < Math.min(ctx.bulkSlice.to, store.size); i++) {
      const s = store.summaryAt(posAt(i));
      if ((since === null || s.createdAt >= since) && search.matches(s)) nodes.push(orderView(store.order(s.ordinal) as OrderRecord, ctx));
    }
    return { edges: nodes.map((node) => ({ cursor: '', node })), nodes, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
  }
  const page = store.list({
    first: args.first as number | null,
    after: args.after as string | null,
    last: args.last as number | null,
    before: args.before as string | null,
    reverse: args.reverse as boolean | null,
    sortKey: (args.sortKey as string | null) ?? 'PROCESSED_AT',
    query: args.query as string | null,
    visibleSince: visibleSince(ctx),
    leadingWildcard: ctx.state.switches.leadingWildcard,
  });
  if (page.warnings.length) ctx.searchWarnings.push({ path: ['orders'], query: String(args.query), warnings: page.warnings });
  const edges = page.orders.map((o, i) => ({ cursor: page.cursors[i] as string, node: orderView(o, ctx) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
  };
}

/** The shop's GraphQL id (one shop per fake server). */
export function shopGid(ctx: RequestContext): string {
  return `gid://shopify/Shop/${54_000_000_000 + (ctx.state.store.seed % 1_000_000)}`;
}

/** The fake store's second connected domain: demo-store.com → demo-store.de. */
export const connectedDomain = (merchantDomain: string) => merchantDomain.replace(/\.com$/, '.de');

function shopView(ctx: RequestContext) {
  const s = ctx.state;
  const limits = PLAN_LIMITS[s.plan];
  return {
    __typename: 'Shop',
    id: shopGid(ctx),
    name: s.shop.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' '),
    myshopifyDomain: `${s.shop}.myshopify.com`,
    email: `owner@${s.merchantDomain}`,
    contactEmail: `support@${s.merchantDomain}`,
    currencyCode: 'USD',
    ianaTimezone: 'Etc/UTC',
    timezoneAbbreviation: 'UTC',
    timezoneOffset: '+0000',
    timezoneOffsetMinutes: 0,
    url: `https://${s.merchantDomain}`,
    orderNumberFormatPrefix: '#',
    orderNumberFormatSuffix: '',
    plan: { displayName: limits.displayName, partnerDevelopment: false, shopifyPlus: limits.shopifyPlus },
    primaryDomain: { __typename: 'Domain', id: 'gid://shopify/Domain/1', host: s.merchantDomain, url: `https://${s.merchantDomain}`, sslEnabled: true },
    // Every domain connected to the store: the primary one, a second shop domain, the myshopify one.
    domains: [
      { __typename: 'Domain', id: 'gid://shopify/Domain/1', host: s.merchantDomain, url: `https://${s.merchantDomain}`, sslEnabled: true },
      { __typename: 'Domain', id: 'gid://shopify/Domain/2', host: connectedDomain(s.merchantDomain), url: `https://${connectedDomain(s.merchantDomain)}`, sslEnabled: true },
      { __typename: 'Domain', id: 'gid://shopify/Domain/3', host: `${s.shop}.myshopify.com`, url: `https://${s.shop}.myshopify.com`, sslEnabled: true },
    ],
    ...metafieldAccessors(s.store.shopMetafields, shopGid(ctx)),
  };
}

function bulkView(op: ReturnType<RequestContext['state']['bulk']['current']> | ReturnType<RequestContext['state']['bulkMutations']['current']>) {
  if (!op) return null;
  const type = 'stagedUploadPath' in op ? 'MUTATION' : 'QUERY';
  return {
    __typename: 'BulkOperation',
    id: op.id,
    status: op.status,
    errorCode: op.errorCode,
    createdAt: iso(op.createdAt),
    completedAt: iso(op.completedAt),
    objectCount: String(op.objectCount),
    rootObjectCount: String(op.rootObjectCount),
    fileSize: op.fileSize === null ? null : String(op.fileSize),
    url: op.url,
    partialDataUrl: op.partialDataUrl,
    query: op.query,
    type,
  };
}

function nodeById(ctx: RequestContext, id: unknown): Record<string, unknown> | null {
  const parsed = parseGid(id);
  if (!parsed) throw invalidId(id, 'Node');
  const store = ctx.state.store;
  switch (parsed.type) {
    case 'Order': {
      requireScope(ctx, 'node', ['read_orders']);
      const o = findOrder(ctx, id);
      return o ? orderView(o, ctx) : null;
    }
    case 'Customer': {
      requireScope(ctx, 'node', ['read_customers']);
      const c = store.customerById(parsed.id);
      return c ? customerView(c, ctx) : null;
    }
    case 'FulfillmentOrder': {
      requireScope(ctx, 'node', FULFILLMENT_ORDER_READ);
      const found = store.fulfillmentOrderById(parsed.id);
      return found ? fulfillmentOrderView(found.order, found.fulfillmentOrder, ctx) : null;
    }
    case 'Fulfillment': {
      requireScope(ctx, 'node', ['read_orders']);
      const found = store.fulfillmentById(parsed.id);
      return found ? fulfillmentView(found.order, found.fulfillment, ctx) : null;
    }
    case 'BulkOperation':
      return bulkView(ctx.state.bulk.byId(String(id)) ?? ctx.state.bulkMutations.byId(String(id)));
    default:
      return null;
  }
}

export function queryRoot() {
  return {
    order: (args: Args, ctx: RequestContext) => {
      requireScope(ctx, 'order', ['read_orders']);
      checkGid(args.id, 'Order');
      const o = findOrder(ctx, args.id);
      return o ? orderView(o, ctx) : null;
    },
    orders: (args: Args, ctx: RequestContext) => {
      requireScope(ctx, 'orders', ['read_orders']);
      return ordersConnection(ctx, args);
    },
    ordersCount: (args: Args, ctx: RequestContext) => {
      requireScope(ctx, 'ordersCount', ['read_orders']);
      const limit = typeof args.limit === 'number' ? args.limit : 10_000;
      const search = compileSearch(args.query as string | undefined, { leadingWildcard: ctx.state.switches.leadingWildcard, now: ctx.state.store.now() });
      const since = visibleSince(ctx);
      let count = 0;
      for (const o of ctx.state.store.allSummaries()) {
        if ((since === null || o.createdAt >= since) && search.matches(o)) count++;
        if (count > limit) return { count: limit, precision: 'AT_LEAST' };
      }
      return { count, precision: 'EXACT' };
    },
    customer: (args: Args, ctx: RequestContext) => {
      requireScope(ctx, 'customer', ['read_customers']);
      checkGid(args.id, 'Customer');
      const parsed = parseGid(args.id);
      const c = parsed?.type === 'Customer' ? ctx.state.store.customerById(parsed.id) : null;
      return c ? customerView(c, ctx) : null;
    },
    fulfillmentOrder: (args: Args, ctx: RequestContext) => {
      requireScope(ctx, 'fulfillmentOrder', FULFILLMENT_ORDER_READ);
      checkGid(args.id, 'FulfillmentOrder');
      const parsed = parseGid(args.id);
      const found = parsed?.type === 'FulfillmentOrder' ? ctx.state.store.fulfillmentOrderById(parsed.id) : null;
      return found ? fulfillmentOrderView(found.order, found.fulfillmentOrder, ctx) : null;
    },
    fulfillment: (args: Args, ctx: RequestContext) => {
      requireScope(ctx, 'fulfillment', ['read_orders', ...FULFILLMENT_ORDER_READ]);
      checkGid(args.id, 'Fulfillment');
      const parsed = parseGid(args.id);
      const found = parsed?.type === 'Fulfillment' ? ctx.state.store.fulfillmentById(parsed.id) : null;
      return found ? fulfillmentView(found.order, found.fulfillment, ctx) : null;
    },
    node: (args: Args, ctx: RequestContext) => nodeById(ctx, args.id),
    nodes: (args: Args, ctx: RequestContext) => (args.ids as unknown[]).map((id) => nodeById(ctx, id)),
    shop: (_: Args, ctx: RequestContext) => shopView(ctx),
    currentAppInstallation: (_: Args, ctx: RequestContext) => {
      const scopes = ctx.sandbox ? ALL_SCOPES : [...ctx.scopes];
      return {
        __typename: 'AppInstallation',
        id: `gid://shopify/AppInstallation/${ctx.state.appId}`,
        accessScopes: scopes.map((handle) => ({ handle, description: `${handle.replace(/_/g, ' ')}` })),
        activeSubscriptions: [],
        launchUrl: `https://admin.shopify.com/store/${ctx.state.shop}/apps/proxy-mail-guard`,
        uninstallUrl: null,
        app: { __typename: 'App', id: `gid://shopify/App/${ctx.state.appId}`, title: 'Proxy Mail Guard', handle: 'proxy-mail-guard', apiKey: 'b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6', embedded: false, developerName: 'Proxy Mail Guard' },
        metafield: () => null,
      };
    },
    currentBulkOperation: (args: Args, ctx: RequestContext) => bulkView(args.type === 'MUTATION' ? ctx.state.bulkMutations.current() : ctx.state.bulk.current()),
  };
}

// ---------------------------------------------------------------------------------------------
// Mutations

interface UserError {
  field: string[] | null;
  message: string;
  code?: string;
  elementIndex?: number | null;
}

function notify(ctx: RequestContext, kind: OutboxKind, order: OrderRecord): void {
  // Shopify only emails when the order has an address; no address, no email.
  if (!order.email) return;
  ctx.state.outbox.push({ kind, to: order.email, orderId: gid('order', order.id), at: iso(ctx.state.store.now()) as string });
}

function count(ctx: RequestContext, name: string): void {
  if (!ctx.sandbox) ctx.state.counters.mutations[name] = (ctx.state.counters.mutations[name] ?? 0) + 1;
}

interface MetafieldInput {
  id?: string | null;
  namespace?: string | null;
  key?: string | null;
  value?: string | null;
  type?: string | null;
}

/** Validates metafield inputs against an owner's list; returns errors (field paths under `prefix`). */
function validateMetafields(list: MetafieldRecord[], inputs: MetafieldInput[], prefix: string[]): UserError[] {
  const errors: UserError[] = [];
  inputs.forEach((m, i) => {
    const path = [...prefix, String(i)];
    if (m.id) {
      const parsed = parseGid(m.id);
      if (!parsed || !list.some((x) => x.id === parsed.id)) errors.push({ field: [...path, 'id'], message: 'Metafield does not exist' });
      return;
    }
    if (!m.namespace || m.namespace.length < 3) errors.push({ field: [...path, 'namespace'], message: m.namespace ? 'Namespace is too short (minimum is 3 characters)' : "Namespace can't be blank" });
    if (!m.key || m.key.length < 2) errors.push({ field: [...path, 'key'], message: m.key ? 'Key is too short (minimum is 2 characters)' : "Key can't be blank" });
    const existing = list.find((x) => x.namespace === m.namespace && x.key === m.key);
    if (!existing && !m.type) errors.push({ field: [...path, 'type'], message: "Type can't be blank" });
    if (m.value == null || m.value === '') errors.push({ field: [...path, 'value'], message: "Value can't be blank" });
    else if ((m.type ?? existing?.type) === 'single_line_text_field' && /[\r\n]/.test(m.value)) errors.push({ field: [...path, 'value'], message: 'Value must be a single line text string.' });
  });
  return errors;
}

function applyMetafields(ctx: RequestContext, order: OrderRecord | null, list: MetafieldRecord[], inputs: MetafieldInput[], idFor: () => number): MetafieldRecord[] {
  const now = ctx.state.store.now();
  return inputs.map((m) => {
    const parsed = m.id ? parseGid(m.id) : null;
    const existing = parsed ? list.find((x) => x.id === parsed.id) : list.find((x) => x.namespace === m.namespace && x.key === m.key);
    if (existing) {
      existing.value = m.value as string;
      if (m.type) existing.type = m.type;
      existing.updatedAt = now;
      existing.revision = (existing.revision ?? 0) + 1;
      return existing;
    }
    const created: MetafieldRecord = { id: idFor(), namespace: m.namespace as string, key: m.key as string, value: m.value as string, type: m.type as string, createdAt: now, updatedAt: now };
    list.push(created);
    void order;
    return created;
  });
}

function orderNotFound(field = 'id'): UserError {
  return { field: [field], message: 'Order does not exist' };
}

export function mutationRoot() {
  const root = {
    orderUpdate: (args: Args, ctx: RequestContext) => {
      requireScope(ctx, 'orderUpdate', ['write_orders']);
      count(ctx, 'orderUpdate');
      const input = args.input as { id: string; email?: string | null; note?: string | null; tags?: string[] | null; metafields?: MetafieldInput[] | null; phone?: string };
      const found = findOrder(ctx, input.id);
      if (!found) return { order: null, userErrors: [orderNotFound()] };
      const errors: UserError[] = [];
      const store = ctx.state.store;
      let newEmail: string | null | undefined;
      if ('email' in input) {
        const email = input.email;
        if (email === '' || email === null) {
          if (ctx.state.switches.emptyEmail === 'clears') newEmail = null;
          else errors.push({ field: ['email'], message: 'Email is invalid' });
        } else if (typeof email === 'string') {
          const trimmed = email.trim();
          if (!EMAIL.test(trimmed) || trimmed.length > 255) errors.push({ field: ['email'], message: 'Email is invalid' });
          else newEmail = trimmed;
        }
      }
      if (input.metafields) errors.push(...validateMetafields(found.metafields, input.metafields, ['metafields']));
      if (input.tags && input.tags.some((t) => t.length > 255)) errors.push({ field: ['tags'], message: 'Tags is too long (maximum is 255 characters)' });
      if (errors.length) return { order: orderView(found, ctx), userErrors: errors };
      // Fault: the email is applied, the metafields are not (silently or with a userError).
      const drop = !ctx.sandbox && newEmail !== undefined && input.metafields?.length ? ctx.state.faults.takeMetafieldDrop() : null;
      // Valid: apply everything at once (nothing is applied when anything is invalid).
      const order = store.mutableOrder(found.ordinal);
      if (newEmail !== undefined) order.email = newEmail;
      if ('note' in input) order.note = input.note ?? null;
      if (input.tags) order.tags = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))];
      if (input.metafields && !drop) applyMetafields(ctx, order, order.metafields, input.metafields, () => store.newId('metafield', order));
      store.touch(order);
      const dropped = drop?.userError ? [{ field: ['metafields', '0', 'value'], message: 'Metafield could not be saved, please try again' }] : [];
      return { order: orderView(order, ctx), userErrors: dropped };
    },

    customerUpdate: (args: Args, ctx: RequestContext) => {
      requireScope(ctx, 'customerUpdate', ['write_customers']);
      count(ctx, 'customerUpdate');
      const input = args.input as { id?: string; email?: string | null; phone?: string | null; note?: string | null; tags?: string[]; emailMarketingConsent?: { marketingState: string; marketingOptInLevel?: string; consentUpdatedAt?: string } };
      const store = ctx.state.store;
      const parsed = parseGid(input.id);
      const found = parsed?.type === 'Customer' ? store.customerById(parsed.id) : null;
      if (!found) return { customer: null, userErrors: [{ field: ['id'], message: 'Customer does not exist' }] };
      const errors: UserError[] = [];
      let newEmail: string | null | undefined;
      if ('email' in input) {
        const email = input.email?.trim() ?? '';
        if (email === '') {
          if (!found.phone) errors.push({ field: ['email'], message: 'A customer must have an email address, a phone number or a name' } as UserError);
          else newEmail = null;
        } else if (!EMAIL.test(email)) errors.push({ field: ['email'], message: 'Email is invalid' });
        else if (email.toLowerCase() !== (found.email ?? '').toLowerCase() && store.emailTaken(email, found.id)) errors.push({ field: ['email'], message: 'Email has already been taken' });
        else newEmail = email;
      }
      if (errors.length) return { customer: customerView(found, ctx), userErrors: errors };
      const c: CustomerRecord = store.mutableCustomer(found.ordinal);
      if (newEmail !== undefined) {
        store.reindexEmail(c.email, newEmail, c.id);
        c.email = newEmail;
      }
      if ('phone' in input) c.phone = input.phone ?? null;
      if ('note' in input) c.note = input.note ?? null;
      if (input.tags) c.tags = input.tags;
      if (input.emailMarketingConsent) {
        c.marketingState = input.emailMarketingConsent.marketingState;
        c.marketingOptInLevel = input.emailMarketingConsent.marketingOptInLevel ?? c.marketingOptInLevel;
        c.consentUpdatedAt = input.emailMarketingConsent.consentUpdatedAt ? Date.parse(input.emailMarketingConsent.consentUpdatedAt) : store.now();
      }
      store.touchCustomer(c);
      return { customer: customerView(c, ctx), userErrors: [] };
    },

    metafieldsSet: (args: Args, ctx: RequestContext) => {
      count(ctx, 'metafieldsSet');
      const inputs = args.metafields as (MetafieldInput & { ownerId: string })[];
      const store = ctx.state.store;
      if (inputs.length > 25) return { metafields: null, userErrors: [{ field: ['metafields'], message: 'Exceeded the maximum metafields input limit of 25.', code: 'LESS_THAN_OR_EQUAL_TO', elementIndex: null }] };
      const errors: UserError[] = [];
      const owners = inputs.map((m, i) => {
        const parsed = parseGid(m.ownerId);
        // Shop metafields: Shopify asks "the access needed to mutate the owner"; no scope names the shop
        // itself, so none is required here (an assumption: the sweep's lease says so if it is refused).
        if (parsed?.type === 'Shop' && m.ownerId === shopGid(ctx)) return { kind: 'shop' as const, ordinal: -1, list: store.shopMetafields };
        if (parsed?.type === 'Order') {
          requireScope(ctx, 'metafieldsSet', ['write_orders']);
          const o = findOrder(ctx, m.ownerId);
          if (o) return { kind: 'order' as const, ordinal: o.ordinal, list: o.metafields };
        } else if (parsed?.type === 'Customer') {
          requireScope(ctx, 'metafieldsSet', ['write_customers']);
          const c = store.customerById(parsed.id);
          if (c) return { kind: 'customer' as const, ordinal: c.ordinal, list: c.metafields };
        }
        errors.push({ field: ['metafields', String(i), 'ownerId'], message: 'Owner does not exist.', code: 'INVALID_VALUE', elementIndex: i });
        return null;
      });
      inputs.forEach((m, i) => {
        const owner = owners[i];
        if (!owner) return;
        for (const e of validateMetafields(owner.list, [{ ...m, id: null }], ['metafields'])) {
          const field = e.field ? ['metafields', String(i), ...e.field.slice(2)] : null;
          errors.push({ field, message: e.message, code: e.message.includes('blank') ? 'BLANK' : 'INVALID_VALUE', elementIndex: i });
        }
        // Compare-and-set (2024-07+): a digest must match the stored value's; null means "must not exist yet".
        if ('compareDigest' in m) {
          const existing = owner.list.find((x) => x.namespace === m.namespace && x.key === m.key);
          const digest = (m as { compareDigest?: string | null }).compareDigest ?? null;
          if (digest === null ? !!existing : !existing || metafieldDigest(existing) !== digest) {
            errors.push({ field: ['metafields', String(i)], message: 'The metafield has been modified since it was loaded.', code: 'STALE_OBJECT', elementIndex: i });
          }
        }
      });
      if (errors.length) return { metafields: null, userErrors: errors.map((e) => ({ ...e, elementIndex: e.elementIndex ?? null })) };
      // Fault (same queue as orderUpdate's): an order metafield Shopify does not keep.
      const drop = !ctx.sandbox && owners.some((o) => o?.kind === 'order') ? ctx.state.faults.takeMetafieldDrop() : null;
      if (drop) return { metafields: [], userErrors: drop.userError ? [{ field: ['metafields', '0', 'value'], message: 'Metafield could not be saved, please try again', code: 'INVALID_VALUE', elementIndex: 0 }] : [] };
      const result: Record<string, unknown>[] = [];
      inputs.forEach((m, i) => {
        const owner = owners[i]!;
        if (owner.kind === 'shop') {
          const [mf] = applyMetafields(ctx, null, owner.list, [{ ...m, id: null }], () => 39_000_000_000_000 + store.sequence());
          result.push(metafieldView(mf!, shopGid(ctx)));
        } else if (owner.kind === 'order') {
          const o = store.mutableOrder(owner.ordinal);
          const [mf] = applyMetafields(ctx, o, o.metafields, [{ ...m, id: null }], () => store.newId('metafield', o));
          store.touch(o);
          result.push(metafieldView(mf!, gid('order', o.id)));
        } else {
          const c = store.mutableCustomer(owner.ordinal);
          const [mf] = applyMetafields(ctx, null, c.metafields, [{ ...m, id: null }], () => store.newCustomerMetafieldId(c));
          store.touchCustomer(c);
          result.push(metafieldView(mf!, gid('customer', c.id)));
        }
      });
      return { metafields: result, userErrors: [] };
    },

    metafieldsDelete: (args: Args, ctx: RequestContext) => {
      count(ctx, 'metafieldsDelete');
      const inputs = args.metafields as { ownerId: string; namespace: string; key: string }[];
      const store = ctx.state.store;
      const deleted = inputs.map((m) => {
        const parsed = parseGid(m.ownerId);
        if (parsed?.type === 'Order') {
          requireScope(ctx, 'metafieldsDelete', ['write_orders']);
          const found = findOrder(ctx, m.ownerId);
          if (!found || !found.metafields.some((x) => x.namespace === m.namespace && x.key === m.key)) return null;
          const o = store.mutableOrder(found.ordinal);
          o.metafields = o.metafields.filter((x) => !(x.namespace === m.namespace && x.key === m.key));
          store.touch(o);
          return { ownerId: m.ownerId, namespace: m.namespace, key: m.key };
        }
        if (parsed?.type === 'Customer') {
          requireScope(ctx, 'metafieldsDelete', ['write_customers']);
          const found = store.customerById(parsed.id);
          if (!found || !found.metafields.some((x) => x.namespace === m.namespace && x.key === m.key)) return null;
          const c = store.mutableCustomer(found.ordinal);
          c.metafields = c.metafields.filter((x) => !(x.namespace === m.namespace && x.key === m.key));
          store.touchCustomer(c);
          return { ownerId: m.ownerId, namespace: m.namespace, key: m.key };
        }
        return null;
      });
      return { deletedMetafields: deleted, userErrors: [] };
    },

    fulfillmentCreate: (args: Args, ctx: RequestContext) => {
      requireScope(ctx, 'fulfillmentCreate', FULFILLMENT_ORDER_WRITE);
      count(ctx, 'fulfillmentCreate');
      const input = args.fulfillment as {
        notifyCustomer?: boolean | null;
        trackingInfo?: { number?: string | null; numbers?: string[] | null; url?: string | null; urls?: string[] | null; company?: string | null } | null;
        lineItemsByFulfillmentOrder: { fulfillmentOrderId: string; fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null }[];
      };
      const store = ctx.state.store;
      const errors: UserError[] = [];
      let orderOrdinal: number | null = null;
      for (const [i, group] of input.lineItemsByFulfillmentOrder.entries()) {
        const parsed = parseGid(group.fulfillmentOrderId);
        const found = parsed?.type === 'FulfillmentOrder' ? store.fulfillmentOrderById(parsed.id) : null;
        if (!found) { errors.push({ field: ['fulfillment', 'lineItemsByFulfillmentOrder', String(i), 'fulfillmentOrderId'], message: 'Fulfillment order does not exist.' }); continue; }
        if (orderOrdinal !== null && orderOrdinal !== found.order.ordinal) errors.push({ field: ['fulfillment'], message: 'All fulfillment orders must belong to the same order.' });
        orderOrdinal = found.order.ordinal;
        const fo = found.fulfillmentOrder;
        if (fo.status !== 'OPEN' && fo.status !== 'IN_PROGRESS') { errors.push({ field: ['fulfillment'], message: `Fulfillment order ${fo.id} has an unfulfillable status= ${fo.status.toLowerCase()}.` }); continue; }
        for (const li of group.fulfillmentOrderLineItems ?? []) {
          const p = parseGid(li.id);
          const item = fo.lineItems.find((x) => x.id === p?.id);
          if (!item) errors.push({ field: ['fulfillment'], message: `Invalid fulfillment order line item id ${li.id}.` });
          else if (li.quantity < 1 || li.quantity > item.remainingQuantity) errors.push({ field: ['fulfillment'], message: `Invalid fulfillment order line item quantity requested (${li.quantity}).` });
        }
      }
      if (errors.length || orderOrdinal === null) return { fulfillment: null, userErrors: errors.length ? errors : [{ field: ['fulfillment'], message: 'Line items by fulfillment order must not be empty.' }] };
      const order = store.mutableOrder(orderOrdinal);
      const now = store.now();
      const t = input.trackingInfo;
      const numbers = t?.numbers ?? (t?.number ? [t.number] : []);
      const urls = t?.urls ?? (t?.url ? [t.url] : []);
      const fulfillment = {
        id: store.newId('fulfillment', order),
        status: 'SUCCESS' as const,
        createdAt: now,
        updatedAt: now,
        tracking: numbers.length ? numbers.map((n, k) => ({ number: n, company: t?.company ?? null, url: urls[k] ?? null })) : t?.company ? [{ number: null, company: t.company, url: urls[0] ?? null }] : [],
        fulfillmentOrderIds: [] as number[],
        lineItems: [] as { fulfillmentOrderLineItemId: number; lineItemId: number; quantity: number }[],
      };
      for (const group of input.lineItemsByFulfillmentOrder) {
        const fo = order.fulfillmentOrders.find((x) => x.id === parseGid(group.fulfillmentOrderId)?.id)!;
        fulfillment.fulfillmentOrderIds.push(fo.id);
        const wanted = group.fulfillmentOrderLineItems?.length ? group.fulfillmentOrderLineItems.map((li) => ({ item: fo.lineItems.find((x) => x.id === parseGid(li.id)?.id)!, quantity: li.quantity })) : fo.lineItems.filter((li) => li.remainingQuantity > 0).map((item) => ({ item, quantity: item.remainingQuantity }));
        for (const { item, quantity } of wanted) {
          item.remainingQuantity -= quantity;
          fulfillment.lineItems.push({ fulfillmentOrderLineItemId: item.id, lineItemId: item.lineItemId, quantity });
        }
        fo.status = fo.lineItems.every((li) => li.remainingQuantity === 0) ? 'CLOSED' : 'IN_PROGRESS';
        fo.updatedAt = now;
      }
      order.fulfillments.push(fulfillment);
      store.touch(order);
      if (input.notifyCustomer) notify(ctx, 'shipping_confirmation', order);
      return { fulfillment: fulfillmentView(order, fulfillment, ctx), userErrors: [] };
    },

    fulfillmentTrackingInfoUpdate: (args: Args, ctx: RequestContext) => {
      requireScope(ctx, 'fulfillmentTrackingInfoUpdate', FULFILLMENT_ORDER_WRITE);
      count(ctx, 'fulfillmentTrackingInfoUpdate');
      const store = ctx.state.store;
      const parsed = parseGid(args.fulfillmentId);
      const found = parsed?.type === 'Fulfillment' ? store.fulfillmentById(parsed.id) : null;
      if (!found) return { fulfillment: null, userErrors: [{ field: ['fulfillmentId'], message: 'Fulfillment does not exist.' }] };
      const order = store.mutableOrder(found.order.ordinal);
      const f = order.fulfillments.find((x) => x.id === found.fulfillment.id)!;
      const t = args.trackingInfoInput as { number?: string | null; numbers?: string[] | null; url?: string | null; urls?: string[] | null; company?: string | null };
      const numbers = t.numbers ?? (t.number ? [t.number] : []);
      const urls = t.urls ?? (t.url ? [t.url] : []);
      f.tracking = numbers.map((n, k) => ({ number: n, company: t.company ?? f.tracking[0]?.company ?? null, url: urls[k] ?? null }));
      f.updatedAt = store.now();
      store.touch(order);
      if (args.notifyCustomer) notify(ctx, 'shipping_update', order);
      return { fulfillment: fulfillmentView(order, f, ctx), userErrors: [] };
    },

    refundCreate: (args: Args, ctx: RequestContext) => {
      requireScope(ctx, 'refundCreate', ['write_orders']);
      count(ctx, 'refundCreate');
      const input = args.input as { orderId: string; notify?: boolean | null; note?: string | null; refundLineItems?: { lineItemId: string; quantity: number }[] | null };
      const store = ctx.state.store;
      const found = findOrder(ctx, input.orderId);
      if (!found) return { refund: null, order: null, userErrors: [orderNotFound('orderId')] };
      for (const li of input.refundLineItems ?? []) {
        const item = found.lineItems.find((x) => x.id === parseGid(li.lineItemId)?.id);
        if (!item) return { refund: null, order: orderView(found, ctx), userErrors: [{ field: ['refundLineItems'], message: 'Line item does not exist' }] };
        if (li.quantity > item.quantity) return { refund: null, order: orderView(found, ctx), userErrors: [{ field: ['refundLineItems'], message: `Quantity cannot refund more items than were purchased` }] };
      }
      const order = store.mutableOrder(found.ordinal);
      const refund = { id: store.newId('refund', order), note: input.note ?? null, createdAt: store.now() };
      order.refunds.push(refund);
      order.financialStatus = 'PARTIALLY_REFUNDED';
      store.touch(order);
      if (input.notify) notify(ctx, 'refund', order);
      return { refund: { __typename: 'Refund', id: gid('refund', refund.id), legacyResourceId: String(refund.id), note: refund.note, createdAt: iso(refund.createdAt), order: () => orderView(order, ctx) }, order: orderView(order, ctx), userErrors: [] };
    },

    orderCancel: (args: Args, ctx: RequestContext) => {
      requireScope(ctx, 'orderCancel', ['write_orders']);
      count(ctx, 'orderCancel');
      const store = ctx.state.store;
      const found = findOrder(ctx, args.orderId);
      const jobId = `gid://shopify/Job/${crypto.randomUUID()}`;
      if (!found) return { job: null, orderCancelUserErrors: [{ field: ['orderId'], message: 'Order does not exist', code: 'NOT_FOUND' }], userErrors: [{ field: ['orderId'], message: 'Order does not exist' }] };
      if (found.cancelledAt !== null) return { job: null, orderCancelUserErrors: [{ field: ['orderId'], message: 'Cannot cancel an order that has already been canceled', code: 'INVALID' }], userErrors: [{ field: ['orderId'], message: 'Cannot cancel an order that has already been canceled' }] };
      const order = store.mutableOrder(found.ordinal);
      const now = store.now();
      order.cancelledAt = now;
      order.cancelReason = String(args.reason);
      order.closedAt = now;
      if (args.refund) order.financialStatus = 'REFUNDED';
      if (typeof args.staffNote === 'string') order.note = args.staffNote;
      for (const fo of order.fulfillmentOrders) if (fo.status === 'OPEN' || fo.status === 'IN_PROGRESS') { fo.status = 'CANCELLED'; fo.updatedAt = now; }
      store.touch(order);
      if (args.notifyCustomer) notify(ctx, 'order_cancelled', order);
      return { job: { __typename: 'Job', id: jobId, done: true, query: null }, orderCancelUserErrors: [], userErrors: [] };
    },

    bulkOperationRunQuery: (args: Args, ctx: RequestContext) => {
      count(ctx, 'bulkOperationRunQuery');
      const result = ctx.state.bulk.start(String(args.query), ctx);
      if ('error' in result) return { bulkOperation: null, userErrors: [result.error] };
      return { bulkOperation: bulkView(result.op), userErrors: [] };
    },

    bulkOperationRunMutation: (args: Args, ctx: RequestContext) => {
      count(ctx, 'bulkOperationRunMutation');
      const result = ctx.state.bulkMutations.start(String(args.mutation), String(args.stagedUploadPath), ctx);
      if ('error' in result) return { bulkOperation: null, userErrors: [result.error] };
      return { bulkOperation: bulkView(result.op), userErrors: [] };
    },

    stagedUploadsCreate: (args: Args, ctx: RequestContext) => {
      count(ctx, 'stagedUploadsCreate');
      const inputs = args.input as { resource: string; filename: string; mimeType: string; httpMethod?: string }[];
      const errors: { field: string[]; message: string }[] = [];
      inputs.forEach((input, i) => {
        if (input.resource !== 'BULK_MUTATION_VARIABLES') errors.push({ field: ['input', String(i), 'resource'], message: 'This fake stages BULK_MUTATION_VARIABLES only.' });
        else if (input.httpMethod !== 'POST') errors.push({ field: ['input', String(i), 'httpMethod'], message: 'Bulk mutation variables are uploaded with POST.' });
        else if (!input.filename) errors.push({ field: ['input', String(i), 'filename'], message: "Filename can't be blank" });
      });
      if (errors.length) return { stagedTargets: null, userErrors: errors };
      return { stagedTargets: inputs.map((input) => ctx.state.stagedUploads.create(input.filename, ctx.state.appId)), userErrors: [] };
    },

    bulkOperationCancel: (args: Args, ctx: RequestContext) => {
      count(ctx, 'bulkOperationCancel');
      const mutationOp = ctx.state.bulkMutations.byId(String(args.id));
      if (mutationOp) {
        if (mutationOp.status !== 'CREATED' && mutationOp.status !== 'RUNNING') return { bulkOperation: bulkView(mutationOp), userErrors: [{ field: null, message: `A bulk operation cannot be canceled when it is ${mutationOp.status.toLowerCase()}` }] };
        ctx.state.bulkMutations.cancel(mutationOp);
        return { bulkOperation: bulkView(mutationOp), userErrors: [] };
      }
      const op = ctx.state.bulk.byId(String(args.id));
      if (!op) return { bulkOperation: null, userErrors: [{ field: ['id'], message: 'Bulk operation does not exist' }] };
      if (op.status !== 'CREATED' && op.status !== 'RUNNING') return { bulkOperation: bulkView(op), userErrors: [{ field: null, message: `A bulk operation cannot be canceled when it is ${op.status.toLowerCase()}` }] };
      ctx.state.bulk.cancel(op);
      return { bulkOperation: bulkView(op), userErrors: [] };
    },

    customerEmailMarketingConsentUpdate: (args: Args, ctx: RequestContext) => {
      requireScope(ctx, 'customerEmailMarketingConsentUpdate', ['write_customers']);
      count(ctx, 'customerEmailMarketingConsentUpdate');
      const input = args.input as { customerId: string; emailMarketingConsent: { marketingState: string; marketingOptInLevel?: string | null; consentUpdatedAt?: string | null } };
      const store = ctx.state.store;
      const parsed = parseGid(input.customerId);
      const found = parsed?.type === 'Customer' ? store.customerById(parsed.id) : null;
      if (!found) return { customer: null, userErrors: [{ field: ['input', 'customerId'], message: 'Customer not found', code: 'INVALID' }] };
      if (!found.email) return { customer: customerView(found, ctx), userErrors: [{ field: ['input', 'emailMarketingConsent'], message: 'Customer must have an email address to update email marketing consent', code: 'INVALID' }] };
      const c = store.mutableCustomer(found.ordinal);
      const consent = input.emailMarketingConsent;
      c.marketingState = consent.marketingState;
      c.marketingOptInLevel = consent.marketingOptInLevel ?? c.marketingOptInLevel;
      c.consentUpdatedAt = consent.consentUpdatedAt ? Date.parse(consent.consentUpdatedAt) : store.now();
      store.touchCustomer(c);
      return { customer: customerView(c, ctx), userErrors: [] };
    },

    tagsAdd: (args: Args, ctx: RequestContext) => tagsChange(args, ctx, 'tagsAdd'),
    tagsRemove: (args: Args, ctx: RequestContext) => tagsChange(args, ctx, 'tagsRemove'),
  };
  return {
    ...root,
    // Deprecated names still in 2025-01: same behaviour, notifications included.
    fulfillmentCreateV2: root.fulfillmentCreate,
    fulfillmentTrackingInfoUpdateV2: root.fulfillmentTrackingInfoUpdate,
  };
}

function tagsChange(args: Args, ctx: RequestContext, name: 'tagsAdd' | 'tagsRemove') {
  count(ctx, name);
  const parsed = parseGid(args.id);
  const tags = (args.tags as string[]).flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
  const store = ctx.state.store;
  if (parsed?.type === 'Order') {
    requireScope(ctx, name, ['write_orders']);
    const found = findOrder(ctx, args.id);
    if (!found) return { node: null, userErrors: [{ field: ['id'], message: 'Order does not exist' }] };
    const order = store.mutableOrder(found.ordinal);
    order.tags = name === 'tagsAdd' ? [...new Set([...order.tags, ...tags])] : order.tags.filter((t) => !tags.some((x) => x.toLowerCase() === t.toLowerCase()));
    store.touch(order);
    return { node: orderView(order, ctx), userErrors: [] };
  }
  if (parsed?.type === 'Customer') {
    requireScope(ctx, name, ['write_customers']);
    const found = store.customerById(parsed.id);
    if (!found) return { node: null, userErrors: [{ field: ['id'], message: 'Customer does not exist' }] };
    const c = store.mutableCustomer(found.ordinal);
    c.tags = name === 'tagsAdd' ? [...new Set([...c.tags, ...tags])] : c.tags.filter((t) => !tags.includes(t));
    store.touchCustomer(c);
    return { node: customerView(c, ctx), userErrors: [] };
  }
  return { node: null, userErrors: [{ field: ['id'], message: 'Resource does not exist' }] };
}

/**
 * Root fields the fake does not model answer a clear GraphQL error instead of a silent null, so a
 * test that strays outside the model fails loudly.
 */
export function strictRoot<T extends object>(root: T, typeName: 'QueryRoot' | 'Mutation'): T {
  return new Proxy(root, {
    get(target, prop, receiver) {
      if (typeof prop !== 'string' || prop in target) return Reflect.get(target, prop, receiver);
      return () => {
        throw new GraphQLError(`The fake Admin API does not implement ${typeName}.${prop} (test/fake-admin-api/resolvers.ts).`, { extensions: { code: 'NOT_IMPLEMENTED_IN_FAKE' } });
      };
    },
  });
}

