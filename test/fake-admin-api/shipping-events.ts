/**
 * How orders reach a store and what Shopify emails afterwards without anyone opening the admin:
 * - `orderCreate`: a connector app importing a marketplace order (the moment a Flow "Order created"
 *   workflow fires; `options.sendReceipt` emails the order confirmation at once);
 * - `fulfillmentEventCreate`: a 3PL or carrier app reporting tracking events; OUT_FOR_DELIVERY and
 *   DELIVERED send Shopify's "out for delivery" / "delivered" emails when the order has an address;
 * - `carrierEvent()`: the same event arriving from a carrier Shopify tracks itself (no app call).
 * A 3PL's fulfilment is the existing `fulfillmentCreate` with `notifyCustomer: true`.
 */
import { gid, parseGid, type FulfillmentEventRecord, type OrderRecord } from './model.ts';
import type { ApiState, OutboxKind, RequestContext } from './state.ts';
import { FULFILLMENT_ORDER_WRITE, iso, orderView, requireScope } from './views.ts';

type Args = Record<string, unknown>;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export type CarrierStatus = FulfillmentEventRecord['status'];

/** The statuses Shopify turns into a customer email (its "Out for delivery" and "Delivered" notifications). */
const EMAILED: Partial<Record<CarrierStatus, OutboxKind>> = { OUT_FOR_DELIVERY: 'out_for_delivery', DELIVERED: 'delivered' };


function pushOutbox(state: ApiState, kind: OutboxKind, order: OrderRecord): void {
  // Shopify emails only an order that has an address at that moment.
  if (!order.email) return;
  state.outbox.push({ kind, to: order.email, orderId: gid('order', order.id), at: iso(state.store.now()) as string });
}

function eventView(e: FulfillmentEventRecord) {
  return { __typename: 'FulfillmentEvent', id: `gid://shopify/FulfillmentEvent/${e.id}`, status: e.status, happenedAt: iso(e.happenedAt), createdAt: iso(e.createdAt), message: e.message, estimatedDeliveryAt: null, address1: null, city: null, country: null, province: null, zip: null, latitude: null, longitude: null };
}

/** Records a tracking event on a fulfillment and sends the email Shopify would send for it. */
export function recordFulfillmentEvent(
  state: ApiState,
  fulfillmentGid: string,
  status: CarrierStatus,
  opts: { happenedAt?: number; message?: string | null } = {},
): { event: FulfillmentEventRecord; order: OrderRecord } | { error: string } {
  const parsed = parseGid(fulfillmentGid);
  const found = parsed?.type === 'Fulfillment' ? state.store.fulfillmentById(parsed.id) : null;
  if (!found) return { error: 'Fulfillment does not exist.' };
  const order = state.store.mutableOrder(found.order.ordinal);
  const fulfillment = order.fulfillments.find((f) => f.id === found.fulfillment.id)!;
  const now = state.store.now();
  const event: FulfillmentEventRecord = { id: state.store.sequence(), status, happenedAt: opts.happenedAt ?? now, createdAt: now, message: opts.message ?? null };
  (fulfillment.events ??= []).push(event);
  fulfillment.updatedAt = now;
  state.store.touch(order);
  const kind = EMAILED[status];
  if (kind) pushOutbox(state, kind, order);
  return { event, order };
}

interface OrderCreateInput {
  email?: string | null;
  phone?: string | null;
  sourceName?: string | null;
  sourceIdentifier?: string | null;
  tags?: string[] | null;
  note?: string | null;
  customer?: { toUpsert?: { email?: string | null } | null } | null;
  metafields?: { namespace?: string | null; key: string; type: string; value: string }[] | null;
}

/** The extra mutations. `state.orderCreated` listeners run once per order created, after it is stored. */
export function shippingEventMutations() {
  return {
    orderCreate: (args: Args, ctx: RequestContext) => {
      requireScope(ctx, 'orderCreate', ['write_orders']);
      if (!ctx.sandbox) ctx.state.counters.mutations.orderCreate = (ctx.state.counters.mutations.orderCreate ?? 0) + 1;
      const input = args.order as OrderCreateInput;
      const options = (args.options ?? {}) as { sendReceipt?: boolean | null };
      const email = typeof input.email === 'string' ? input.email.trim() : null;
      if (email && !EMAIL.test(email)) return { order: null, userErrors: [{ field: ['order', 'email'], message: 'Email is invalid', code: 'INVALID' }] };
      const store = ctx.state.store;
      const order = store.addOrder({
        email: email || null,
        phone: input.phone ?? null,
        sourceName: input.sourceName ?? null,
        sourceIdentifier: input.sourceIdentifier ?? null,
        tags: (input.tags ?? []).map((t) => t.trim()).filter(Boolean),
        customerEmail: input.customer?.toUpsert?.email ?? email ?? null,
        app: ctx.app ?? null,
      });
      if (input.note) order.note = input.note;
      if (input.metafields?.length) {
        const now = store.now();
        for (const m of input.metafields) order.metafields.push({ id: store.newId('metafield', order), namespace: m.namespace ?? 'custom', key: m.key, type: m.type, value: m.value, createdAt: now, updatedAt: now });
      }
      if (options.sendReceipt) pushOutbox(ctx.state, 'order_confirmation', order);
      for (const listener of ctx.state.orderCreated) listener(order);
      return { order: orderView(order, ctx), userErrors: [] };
    },

    fulfillmentEventCreate: (args: Args, ctx: RequestContext) => {
      requireScope(ctx, 'fulfillmentEventCreate', FULFILLMENT_ORDER_WRITE);
      if (!ctx.sandbox) ctx.state.counters.mutations.fulfillmentEventCreate = (ctx.state.counters.mutations.fulfillmentEventCreate ?? 0) + 1;
      const input = args.fulfillmentEvent as { fulfillmentId: string; status: CarrierStatus; happenedAt?: string | null; message?: string | null };
      const happenedAt = input.happenedAt ? Date.parse(input.happenedAt) : undefined;
      const result = recordFulfillmentEvent(ctx.state, input.fulfillmentId, input.status, { happenedAt: Number.isNaN(happenedAt) ? undefined : happenedAt, message: input.message ?? null });
      if ('error' in result) return { fulfillmentEvent: null, userErrors: [{ field: ['fulfillmentEvent', 'fulfillmentId'], message: result.error }] };
      return { fulfillmentEvent: eventView(result.event), userErrors: [] };
    },
  };
}
