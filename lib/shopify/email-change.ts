// Past 400 lines on purpose: the change and its undo share the metafield shapes and the confirmation helpers.
/**
 * Changing an order's email, and putting the original back — in the order that keeps nothing lost:
 * 1. audit entry written `pending` (IndexedDB) before anything is sent;
 * 2. ONE `orderUpdate` sets the email and, in the same call, the metafield
 *    `proxy_mail_guard.original_email` (only if not set yet: the first original is never overwritten);
 * 3. the mutation's payload is the confirmation: it shows the email Shopify stored and the metafield.
 *    The change is done only when the metafield holds the original; when Shopify applied the email
 *    without it, the original is written on its own (and confirmed) first, or the email is taken back.
 *    The audit entry becomes done or failed. No re-read follows a change.
 * A lost answer to the mutation is never followed by a blind re-send: the order is re-read first and
 * the mutation is sent again only if the change is not there (that re-read is then the confirmation).
 *
 * Cost (Standard plan, 100 points/s): 10 points per change with `knownFacts` (the bulk scan's),
 * 10 + one facts read (~4–7) without. Before this, a change cost ≈17 (read + update + re-read).
 */
import type { FixOutcome } from '../messages';
import { FIXED_BY_EXTENSION, FIXED_BY_KEY, FIXED_BY_UNDONE, undoneByMerchant, type OrderFacts } from '../order-facts';
import { restoreEmail, rewriteEmail, type Strategy } from '../rewrite';
import { newAuditId, type AuditEntry, type AuditSink } from '../audit';
import type { NeutralForms } from '../marketplaces';
import type { AdminClient } from './client';
import {
  ORDER_EMAIL_CONFIRM_QUERY,
  ORDER_EMAIL_UPDATE,
  ORIGINAL_EMAIL_DELETE,
  ORIGINAL_EMAIL_SET,
  ORIGINAL_EMAIL_KEY,
  ORIGINAL_EMAIL_NAMESPACE,
  type UserError,
} from './documents';
import { ApiFailure, asResult } from './errors';
import { changeCustomerEmail, restoreCustomer } from './customer-record';
import { confirmOrderFacts, detectOrder, orderGid, requireOrderFacts } from './order-facts';
import type { Result } from '../result';

export interface EmailChangeContext {
  client: AdminClient;
  audit: AuditSink;
  now?: () => Date;
  newId?: () => string;
}

export interface ChangeOptions {
  /** Also change the customer record's email (store setting `updateCustomer`), when it is the same relay address. */
  updateCustomer?: boolean;
  batchId?: string;
  /** Facts already read (a bulk scan, a sweep page): no read before the change. */
  knownFacts?: OrderFacts;
  extraDomains?: readonly string[];
  neutral?: NeutralForms;
  /** The marketplace already known (bulk scan): the audit entry names it even when `knownFacts` is partial. */
  marketplace?: string;
}

export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
}

function firstUserError(errors: UserError[]): { field: string; message: string } {
  const error = errors[0]!;
  return { field: (error.field ?? []).join('.') || 'email', message: error.message };
}

function stripRejected(): ApiFailure {
  return new ApiFailure(
    'strip_rejected_by_shopify',
    'Shopify does not allow removing the email of this order. Choose another option, like the blacklisted- prefix or your own domain.',
    { suggestion: 'prefix' },
  );
}

export function changeOrderEmail(
  ctx: EmailChangeContext,
  orderId: string,
  strategy: Strategy,
  options: ChangeOptions = {},
): Promise<Result<FixOutcome>> {
  return asResult(() => change(ctx, orderId, strategy, options));
}

/** The email and our metafield as Shopify now holds them (from a mutation payload or a re-read). */
export interface Seen {
  email: string | null;
  originalEmail: string | null;
}

interface PayloadOrder {
  id: string;
  email: string | null;
  originalEmail: { id: string; value: string } | null;
}

const seenOf = (order: PayloadOrder): Seen => ({ email: order.email || null, originalEmail: order.originalEmail?.value || null });

async function change(ctx: EmailChangeContext, orderId: string, strategy: Strategy, options: ChangeOptions): Promise<FixOutcome> {
  const { client, audit } = ctx;
  const now = ctx.now ?? (() => new Date());
  const gid = orderGid(orderId);
  const facts = options.knownFacts ?? (await requireOrderFacts(client, orderId));
  const rewritten = rewriteEmail(facts.email, strategy, { orderId: facts.sourceIdentifier, extraDomains: options.extraDomains });
  if (!rewritten.ok) throw new ApiFailure(rewritten.code, rewritten.message, rewritten.params);
  const target = rewritten.email;
  if (!rewritten.changed || sameEmail(target, facts.email)) {
    return { orderId: facts.orderId, before: facts.email, after: facts.email, changed: false, facts };
  }

  const detection = options.marketplace ? null : detectOrder(facts, options);
  const entry: AuditEntry = {
    id: (ctx.newId ?? newAuditId)(),
    kind: 'fix',
    store: client.store.handle,
    orderId: facts.orderId,
    orderName: facts.name,
    marketplace: options.marketplace ?? detection?.marketplace ?? null,
    before: facts.email,
    after: target,
    strategy,
    at: now().toISOString(),
    status: 'pending',
    ...(options.batchId ? { batchId: options.batchId } : {}),
  };
  await audit.add(entry);

  try {
    // The first original is kept forever: only write the metafield when the order has none.
    const recordOriginal = !facts.originalEmail && !!facts.email;
    const original = facts.originalEmail ?? facts.email;
    const input: Record<string, unknown> = { id: gid, email: target ?? '' };
    const metafields = [];
    if (recordOriginal) metafields.push(originalMetafield(original!));
    // The merchant fixes an order they had undone: their decision ends, the automatic protection guards it again.
    if (undoneByMerchant(facts)) metafields.push(fixedByMetafield(FIXED_BY_EXTENSION));
    if (metafields.length) input.metafields = metafields;
    // After a lost answer the re-read is the confirmation (and decides whether to send again).
    let reread = null as Seen | null;
    const verifyApplied = async () => {
      const seen = await confirmOrderFacts(client, facts);
      reread = { email: seen.email, originalEmail: seen.originalEmail };
      return sameEmail(seen.email, target) && (!recordOriginal || !!seen.originalEmail);
    };
    const payload = await client.request<{ orderUpdate: { order: PayloadOrder | null; userErrors: UserError[] } | null }>(
      ORDER_EMAIL_UPDATE,
      { input },
      { mutation: true, verifyApplied },
    );
    const userErrors = payload?.orderUpdate?.userErrors ?? [];
    const answered = payload?.orderUpdate?.order;
    // No order in the answer (a refusal may omit it): look once rather than guess.
    const seen: Seen = answered ? seenOf(answered) : (reread ?? (await confirmOrderFacts(client, facts)));

    if (!sameEmail(seen.email, target)) {
      if (strategy.kind === 'strip' && sameEmail(seen.email, facts.email)) {
        // Shopify kept the email: either a userError or a silent no-op. Say so plainly.
        await audit.update(entry.id, { status: 'failed', after: seen.email, stripBehaviour: 'rejected', error: stripRejected().toAppError() });
        throw stripRejected();
      }
      if (userErrors.length > 0) {
        const { field, message } = firstUserError(userErrors);
        const failure = new ApiFailure('user_error', `Shopify refused the change (${field}): ${message}`, { field, message });
        await audit.update(entry.id, { status: 'failed', after: seen.email, error: failure.toAppError() });
        throw failure;
      }
      const failure = new ApiFailure('change_not_confirmed', 'Shopify did not keep the new email; the order was re-read and shows another address.', {
        email: seen.email ?? '',
      });
      await audit.update(entry.id, { status: 'failed', after: seen.email, error: failure.toAppError() });
      throw failure;
    }

    // The email changed. It counts as done only once the original is provably on the order.
    if (!seen.originalEmail && original) {
      seen.originalEmail = await saveOriginal(client, gid, original);
      if (!seen.originalEmail) {
        // Put the email back rather than leave an order changed with its original only in this browser.
        const reverted = await revertEmail(client, gid, facts.email);
        const failure = new ApiFailure('original_not_saved', 'Shopify changed the email but would not keep the original on the order, so the change was taken back.', {
          email: reverted ? (facts.email ?? '') : (target ?? ''),
        });
        await audit.update(entry.id, { status: 'failed', after: reverted ? facts.email : target, error: failure.toAppError() });
        throw failure;
      }
    }
    // Shopify complained yet applied the email (and the original is saved): applied, with its words kept.
    const warning = userErrors.length > 0 ? userErrorWarning(userErrors) : undefined;

    const stripBehaviour = strategy.kind === 'strip' ? ('cleared' as const) : undefined;
    let customer: AuditEntry['customer'];
    if (options.updateCustomer && facts.customer && facts.email && sameEmail(facts.customer.email, facts.email)) {
      customer = await changeCustomerEmail(client, facts.customer.id, facts.customer.email, target);
    }
    const confirmed: OrderFacts = { ...facts, email: seen.email, originalEmail: seen.originalEmail, via: 'api' };
    if (customer?.updated && confirmed.customer) confirmed.customer = { ...confirmed.customer, email: customer.after };
    // The change is on Shopify with its original: a failing local write must not turn it into a
    // failure (a bulk job would then leave the order out of its undo). Retried; if it still fails,
    // the entry stays pending with `before`, and the order's metafield holds the original anyway.
    const recorded = await retried(() =>
      audit.update(entry.id, {
        status: 'done',
        after: seen.email,
        ...(stripBehaviour ? { stripBehaviour } : {}),
        ...(customer ? { customer } : {}),
        ...(warning ? { warning } : {}),
      }),
    );
    return {
      orderId: facts.orderId,
      before: facts.email,
      after: seen.email,
      changed: true,
      ...(stripBehaviour ? { stripBehaviour } : {}),
      ...(customer ? { customerUpdated: customer.updated } : {}),
      ...(warning ? { warning } : {}),
      ...(recorded ? {} : { auditPending: true }),
      auditId: entry.id,
      facts: confirmed,
    };
  } catch (error) {
    if (!(error instanceof ApiFailure) || !['strip_rejected_by_shopify', 'user_error', 'change_not_confirmed', 'original_not_saved'].includes(error.code)) {
      // Unknown outcome (network, throttling): the entry keeps `before`, so an undo can still find the original.
      const appError = error instanceof ApiFailure ? error.toAppError() : { code: 'internal_error', message: String(error) };
      await audit.update(entry.id, { status: 'failed', error: { code: appError.code, message: appError.message } }).catch(() => null);
    }
    throw error;
  }
}

/** Runs a local write up to three times (IndexedDB can fail transiently: quota, a closing database). */
async function retried(write: () => Promise<unknown>): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await write();
      return true;
    } catch {
      if (attempt >= 2) return false;
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}

function originalMetafield(value: string) {
  return { namespace: ORIGINAL_EMAIL_NAMESPACE, key: ORIGINAL_EMAIL_KEY, type: 'single_line_text_field', value };
}

function fixedByMetafield(value: string) {
  return { namespace: ORIGINAL_EMAIL_NAMESPACE, key: FIXED_BY_KEY, type: 'single_line_text_field', value };
}

function userErrorWarning(errors: UserError[]): NonNullable<FixOutcome['warning']> {
  const { field, message } = firstUserError(errors);
  return { code: 'applied_with_warning', message: `Shopify applied the new email but reported (${field}): ${message}`, params: { field, message } };
}

/**
 * Writes the original on its own (Shopify applied the email without it) and answers the value the
 * payload shows, or null when Shopify would not keep it after two tries.
 */
async function saveOriginal(client: AdminClient, ownerId: string, original: string): Promise<string | null> {
  const metafield = { ownerId, ...originalMetafield(original) };
  for (let attempt = 0; attempt < 2; attempt++) {
    let reread = null as string | null;
    const payload = await client.request<{ metafieldsSet: { metafields: Array<{ key: string; namespace: string; value: string }> | null; userErrors: UserError[] } | null }>(
      ORIGINAL_EMAIL_SET,
      { metafields: [metafield] },
      {
        mutation: true,
        // Setting the same value twice is harmless; the re-read tells whether the lost one landed.
        verifyApplied: async () => !!(reread = (await readOriginal(client, ownerId))),
      },
    );
    if (payload === null && reread) return reread;
    const saved = payload?.metafieldsSet?.metafields?.find((m) => m.namespace === ORIGINAL_EMAIL_NAMESPACE && m.key === ORIGINAL_EMAIL_KEY);
    if (saved?.value) return saved.value;
  }
  return null;
}

async function readOriginal(client: AdminClient, gid: string): Promise<string | null> {
  return (await readSeen(client, gid))?.originalEmail ?? null;
}

/** The order's email and our metafield now (null: no such order): what a lost answer is verified against. */
export async function readSeen(client: AdminClient, gid: string): Promise<Seen | null> {
  const data = await client.request<{ order: PayloadOrder | null }>(ORDER_EMAIL_CONFIRM_QUERY, { id: gid });
  return data?.order ? seenOf(data.order) : null;
}

/** Writes the merchant's decision (`fixed_by: undone`) on its own; a refusal is reported like any other. */
async function markUndone(client: AdminClient, ownerId: string): Promise<void> {
  const payload = await client.request<{ metafieldsSet: { userErrors: UserError[] } | null }>(
    ORIGINAL_EMAIL_SET,
    { metafields: [{ ownerId, ...fixedByMetafield(FIXED_BY_UNDONE) }] },
    { mutation: true, verifyApplied: async () => false }, // setting the same value twice is harmless
  );
  const userErrors = payload?.metafieldsSet?.userErrors ?? [];
  if (userErrors.length > 0) {
    const { field, message } = firstUserError(userErrors);
    throw new ApiFailure('user_error', `Shopify refused the change (${field}): ${message}`, { field, message });
  }
}

/** Best effort: true when the order shows its old email again. */
async function revertEmail(client: AdminClient, gid: string, email: string | null): Promise<boolean> {
  try {
    const payload = await client.request<{ orderUpdate: { order: PayloadOrder | null; userErrors: UserError[] } | null }>(
      ORDER_EMAIL_UPDATE,
      { input: { id: gid, email: email ?? '' } },
      { mutation: true, verifyApplied: async () => sameEmail((await readSeen(client, gid))?.email, email) },
    );
    if (payload === null) return true;
    const order = payload?.orderUpdate?.order;
    return !!order && sameEmail(order.email, email);
  } catch {
    return false;
  }
}

/**
 * Puts the original email back: from the order's metafield, else from the audit log (the oldest
 * change's `before`), else — for a prefix only — by removing the prefix. The metafield is removed only
 * after the restored email is confirmed. The same `orderUpdate` marks the order `fixed_by: undone`
 * (the merchant's decision, kept on Shopify's side), so the automatic protection does not fix it again.
 */
export function restoreOriginal(
  ctx: EmailChangeContext,
  orderId: string,
  options: { prefix?: string; batchId?: string } = {},
): Promise<Result<FixOutcome>> {
  return asResult(() => restore(ctx, orderId, options));
}

async function restore(ctx: EmailChangeContext, orderId: string, options: { prefix?: string; batchId?: string }): Promise<FixOutcome> {
  const { client, audit } = ctx;
  const now = ctx.now ?? (() => new Date());
  const gid = orderGid(orderId);
  const facts = await requireOrderFacts(client, orderId);
  const history = await audit.forOrder(client.store.handle, facts.orderId);
  const fixes = history.filter((e) => e.kind === 'fix' && e.before);
  const original = facts.originalEmail ?? fixes[0]?.before ?? null;
  const restored = restoreEmail(facts.email, { original, ...(options.prefix ? { prefix: options.prefix } : {}) });
  if (!restored.ok) {
    if (restored.code === 'original_unknown') throw new ApiFailure('nothing_to_restore', 'No original email was recorded for this order, so there is nothing to put back.');
    throw new ApiFailure(restored.code, restored.message, restored.params);
  }
  const target = restored.email;
  const needsEmail = !sameEmail(facts.email, target);
  if (!original && !needsEmail) {
    throw new ApiFailure('nothing_to_restore', 'No original email was recorded for this order, so there is nothing to put back.');
  }
  if (!needsEmail && !facts.originalEmail) {
    return { orderId: facts.orderId, before: facts.email, after: facts.email, changed: false, facts };
  }

  const entry: AuditEntry = {
    id: (ctx.newId ?? newAuditId)(),
    kind: 'undo',
    store: client.store.handle,
    orderId: facts.orderId,
    orderName: facts.name,
    marketplace: fixes[0]?.marketplace ?? detectOrder(facts)?.marketplace ?? null,
    before: facts.email,
    after: target,
    strategy: { kind: 'restore' },
    at: now().toISOString(),
    status: 'pending',
    ...(options.batchId ? { batchId: options.batchId } : {}),
  };
  await audit.add(entry);
  try {
    if (needsEmail) {
      const payload = await client.request<{ orderUpdate: { order: PayloadOrder | null; userErrors: UserError[] } | null }>(
        ORDER_EMAIL_UPDATE,
        { input: { id: gid, email: target ?? '', metafields: [fixedByMetafield(FIXED_BY_UNDONE)] } },
        { mutation: true, verifyApplied: async () => sameEmail((await confirmOrderFacts(client, facts)).email, target) },
      );
      const userErrors = payload?.orderUpdate?.userErrors ?? [];
      // The address back with a complaint (about the marker): no refusal of the undo; the marker is written on its own.
      const applied = !!payload?.orderUpdate?.order && sameEmail(payload.orderUpdate.order.email, target);
      if (userErrors.length > 0 && !applied) {
        const { field, message } = firstUserError(userErrors);
        throw new ApiFailure('user_error', `Shopify refused the change (${field}): ${message}`, { field, message });
      }
      if (userErrors.length > 0) await markUndone(client, gid);
    } else if (!undoneByMerchant(facts)) {
      // The address is already back (a connector re-synced it): the decision is still the merchant's,
      // and it must be on the order before the original goes (that removal alone would wake the sweep).
      await markUndone(client, gid);
    }
    let confirmed = await confirmOrderFacts(client, facts);
    if (!sameEmail(confirmed.email, target)) {
      throw new ApiFailure('change_not_confirmed', 'Shopify did not keep the restored email; the order shows another address.', { email: confirmed.email ?? '' });
    }
    if (confirmed.originalEmail) {
      const identifier = { ownerId: gid, namespace: ORIGINAL_EMAIL_NAMESPACE, key: ORIGINAL_EMAIL_KEY };
      await client.request(ORIGINAL_EMAIL_DELETE, { metafields: [identifier] }, {
        mutation: true,
        verifyApplied: async () => !(await confirmOrderFacts(client, facts)).originalEmail,
      });
      confirmed = await confirmOrderFacts(client, facts);
    }
    // The customer record goes back too when our change had moved it: from what the customer itself
    // records (so without this browser's log), else from the log.
    const lastCustomer = [...fixes].reverse().find((e) => e.customer?.updated)?.customer;
    const customerId = confirmed.customer?.id ?? lastCustomer?.id;
    const customerUpdated = customerId
      ? await restoreCustomer(client, customerId, { original, changedTo: facts.email }, lastCustomer?.id === customerId ? lastCustomer : undefined)
      : undefined;
    for (const fix of fixes) if (fix.status === 'done') await audit.update(fix.id, { status: 'undone' });
    await audit.update(entry.id, { status: 'done', after: confirmed.email });
    return {
      orderId: facts.orderId,
      before: facts.email,
      after: confirmed.email,
      changed: needsEmail,
      ...(customerUpdated !== undefined ? { customerUpdated } : {}),
      auditId: entry.id,
      facts: { ...confirmed, fixedBy: FIXED_BY_UNDONE },
    };
  } catch (error) {
    const appError = error instanceof ApiFailure ? error.toAppError() : { code: 'internal_error', message: String(error) };
    await audit.update(entry.id, { status: 'failed', error: { code: appError.code, message: appError.message } }).catch(() => null);
    throw error;
  }
}
