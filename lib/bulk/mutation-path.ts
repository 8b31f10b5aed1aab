/**
 * The bulk-mutation path: instead of one `orderUpdate` per order against the cost budget, the job
 * uploads one JSONL line per order and lets Shopify's own engine run them (`bulkOperationRunMutation`),
 * then reads the result file line by line and reconciles it into the job and the audit log.
 *
 * A round, each stage stored before the next begins, so a closed browser carries on where it stopped:
 * 1. staging — queued orders become `applying` with their line number; each Shopify updated since the
 *    scan began (fix jobs; every one for an undo) is re-read (`nodes`, 250 a request: ./mutation-outcome.ts)
 *    so an address changed since the scan is never overwritten blindly;
 *    the file is built from the job's items (IndexedDB, a page at a time) and uploaded; the operation is started with a document whose
 *    name carries the job and round, so a lost answer or a restart finds it again instead of starting
 *    a second one. Each order's original travels in the same `orderUpdate` as its new email (atomic),
 *    and the job item already holds it locally before the upload.
 * 2. running — polled until Shopify reports an end (COMPLETED, FAILED, CANCELED, EXPIRED).
 * 3. reconciling — the result (or partial) file, streamed: each line whose payload shows the new email
 *    and the original is done (changed), a refusal with the email unchanged is failed with Shopify's
 *    userError; anything else is left for the check.
 * 4. checking — every order of the round still `applying` (missing lines, a failed operation, payloads
 *    that did not prove the change) is re-read in batches of 250 (~1 point each): changed with its
 *    original → done; changed without it → the original is written on its own (or the email put back);
 *    unchanged → not reached, queued for the next round (at most MAX_ROUNDS, then failed and listed).
 * So every order ends changed-with-original-saved or unchanged, never unknown.
 */
import type { AuditEntry } from '../audit';
import { FIXED_BY_EXTENSION, FIXED_BY_KEY, FIXED_BY_UNDONE, undoneByMerchant } from '../order-facts';
import type { AppError } from '../result';
import type { JobStore } from './job-store';
import type { BulkApi, BulkJob, BulkMutationApi, Classifier, JobItem, MutationRound, RecheckedOrder } from './types';
import { finished, recheckBeforeUpload, RECHECK_BATCH, same } from './mutation-outcome';

export const MAX_ROUNDS = 3;
const LINES_PER_PAGE = 1000;
const RECONCILE_BATCH = 500;
const NAMESPACE = 'proxy_mail_guard';
const KEY = 'original_email';

/**
 * Above this many orders the dashboard offers (and picks) the bulk-mutation path. At Standard's 100
 * points/s the per-order path (≈11 points) does ≈9 orders/s: 1,000 orders take about two minutes with
 * the browser open. A bulk operation costs a few calls whatever its size but has fixed overhead (upload,
 * Shopify's queueing, polling, the result file) of the order of tens of seconds, and needs the storage
 * hosts granted; from about a thousand orders it wins, and the browser may close while it runs.
 */
export const BULK_MUTATION_THRESHOLD = 1000;

export interface MutationPathContext {
  api: BulkApi & { bulkMutation: BulkMutationApi };
  store: JobStore;
  alive(): boolean;
  sleep(ms: number): Promise<void>;
  now(): number;
  pollMs: number;
  /** Counts a finished order into the live job (progress, throughput). */
  settle(item: JobItem): void;
  /** Fix jobs: the store's classifier, for orders whose address changed since the scan. */
  classify?: Classifier | null;
}

export type PathOutcome = { kind: 'done' } | { kind: 'stopped' } | { kind: 'fallback'; reason: AppError } | { kind: 'failed'; error: AppError };

/** The one mutation of a round; its operation name marks the job and round. */
export function mutationDocument(job: BulkJob, round: number): string {
  const name = marker(job, round);
  return `mutation ${name}($input: OrderInput!) { orderUpdate(input: $input) { order { id email originalEmail: metafield(namespace: "${NAMESPACE}", key: "${KEY}") { value } } userErrors { field message } } }`;
}

function marker(job: BulkJob, round: number): string {
  return `ProxyMailGuard_${job.id.replace(/[^A-Za-z0-9]/g, '')}_${round}`;
}

/**
 * One line of variables: the target email, and in the same call the original when the order has none
 * yet; an undo marks the merchant's decision (`fixed_by: undone`, so the automatic protection leaves
 * the order), and a fix of an order the merchant had undone clears it (`extension`).
 */
export function lineOf(job: BulkJob, item: JobItem): string {
  const input: Record<string, unknown> = { id: `gid://shopify/Order/${item.orderId}`, email: item.proposed ?? '' };
  const metafields = [];
  if (job.kind === 'fix' && !item.originalEmail && item.email) metafields.push(metafield(KEY, item.email));
  if (job.kind === 'undo') metafields.push(metafield(FIXED_BY_KEY, FIXED_BY_UNDONE));
  else if (undoneByMerchant(item)) metafields.push(metafield(FIXED_BY_KEY, FIXED_BY_EXTENSION));
  if (metafields.length) input.metafields = metafields;
  return JSON.stringify({ input });
}

const metafield = (key: string, value: string) => ({ namespace: NAMESPACE, key, type: 'single_line_text_field', value });

export async function runMutationPath(ctx: MutationPathContext, job: BulkJob): Promise<PathOutcome> {
  const api = ctx.api.bulkMutation;
  for (;;) {
    if (!ctx.alive()) return { kind: 'stopped' };
    const m: MutationRound = (job.mutation ??= newRound(1));
    if (m.stage === 'staging') {
      const lines = await markRound(ctx.store, job);
      if (lines === 0) {
        job.mutation = undefined;
        return { kind: 'done' };
      }
      m.lines = lines;
      if (!ctx.alive()) return { kind: 'stopped' };
      // A restart between the start and its record: the operation is Shopify's current one, by name
      // (whatever its status — it may have finished meanwhile).
      const running = await api.findRunning(marker(job, m.round));
      if (!running.ok) return { kind: 'failed', error: running.error };
      let operationId = running.value?.id ?? null;
      if (!operationId && m.stagedUploadPath) {
        // The start may have been sent, and its operation is no longer Shopify's current one: never
        // send the round again blind — re-read its orders; those not reached go into the next round.
        m.stage = 'checking';
        await ctx.store.putJob(job);
        continue;
      }
      if (!operationId) {
        // Nothing of this round was sent yet: each order is re-read now, and its line built from that.
        const kept = await recheckBeforeUpload(
          { api: ctx.api, store: ctx.store, classify: ctx.classify, alive: () => ctx.alive(), now: () => ctx.now(), recordAudit: (e) => api.recordAudit(e), settle: (i) => ctx.settle(i) },
          job,
        );
        if (kept === 'stopped') return { kind: 'stopped' };
        if (typeof kept !== 'number') return { kind: 'failed', error: kept };
        if (kept === 0) continue; // every order settled by the re-check: the next pass finds the round empty
        m.lines = kept;
        const file = await buildFile(ctx.store, job);
        if (!ctx.alive()) return { kind: 'stopped' };
        const staged = await api.stageUpload(file);
        if (!staged.ok) return giveBack(ctx, job, staged.error);
        m.stagedUploadPath = staged.value.stagedUploadPath;
        if (!ctx.alive()) return { kind: 'stopped' };
        await ctx.store.putJob(job);
        const started = await startOperation(ctx, job, m);
        if (!started.ok) return giveBack(ctx, job, started.error);
        operationId = started.value;
      }
      m.operationId = operationId;
      m.stage = 'running';
      await ctx.store.putJob(job);
      continue;
    }
    if (m.stage === 'running') {
      const state = await api.mutationStatus(m.operationId!);
      if (!state.ok) {
        if (state.error.code === 'bulk_scan_failed') {
          // Shopify no longer knows it: whatever it did is found by the check.
          m.stage = 'checking';
          await ctx.store.putJob(job);
          continue;
        }
        return { kind: 'failed', error: state.error };
      }
      const s = state.value;
      if (s.status === 'CREATED' || s.status === 'RUNNING' || s.status === 'CANCELING') {
        await ctx.sleep(ctx.pollMs);
        continue;
      }
      m.operationStatus = s.status;
      m.resultUrl = s.status === 'COMPLETED' ? s.url : s.partialDataUrl;
      m.stage = m.resultUrl ? 'reconciling' : 'checking';
      m.linesRead = 0;
      await ctx.store.putJob(job);
      continue;
    }
    if (m.stage === 'reconciling') {
      const read = await reconcile(ctx, job, m);
      if (read !== 'ok') return read === 'stopped' ? { kind: 'stopped' } : { kind: 'failed', error: read };
      m.stage = 'checking';
      await ctx.store.putJob(job);
      continue;
    }
    // checking
    const checked = await check(ctx, job, m);
    if (checked !== 'ok') return checked === 'stopped' ? { kind: 'stopped' } : { kind: 'failed', error: checked };
    job.mutation = newRound(m.round + 1);
    await ctx.store.putJob(job);
  }
}

function newRound(round: number): MutationRound {
  return { round, stage: 'staging', stagedUploadPath: null, operationId: null, resultUrl: null, linesRead: 0, lines: 0, operationStatus: null };
}

/**
 * Queued → applying, a slice at a time (orders already applying from an interrupted staging stay so).
 * Lines are matched back by the order id in each payload, so the line number is only a note.
 */
async function markRound(store: JobStore, job: BulkJob): Promise<number> {
  let line = (await store.countWithStatus(job.id, 'applying'));
  for (;;) {
    const queued = await store.itemsWithStatus(job.id, 'queued', 2000);
    if (!queued.length) break;
    await store.putItemsWithJob(job, queued.map((item) => ({ ...item, status: 'applying' as const, attempts: item.attempts + 1, bulkLine: line++, error: undefined })));
  }
  return line;
}

/** The JSONL, a page of items at a time: each page becomes a Blob part, so the text is never whole in memory. */
async function buildFile(store: JobStore, job: BulkJob): Promise<Blob> {
  const parts: Blob[] = [];
  let fromSeq = -Infinity;
  for (;;) {
    const { items } = await store.queryItems(job.id, { filter: (i) => i.status === 'applying', fromSeq, limit: LINES_PER_PAGE, count: false });
    if (!items.length) break;
    parts.push(new Blob([items.map((i) => lineOf(job, i)).join('\n') + '\n']));
    fromSeq = items[items.length - 1]!.seq + 1;
    if (items.length < LINES_PER_PAGE) break;
  }
  return new Blob(parts, { type: 'text/jsonl' });
}

/** Starts the round's operation; another of ours running (OPERATION_IN_PROGRESS) is waited for, then retried. */
async function startOperation(ctx: MutationPathContext, job: BulkJob, m: MutationRound): Promise<{ ok: true; value: string } | { ok: false; error: AppError }> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const r = await ctx.api.bulkMutation.runMutation(mutationDocument(job, m.round), m.stagedUploadPath!);
    if (r.ok) return { ok: true, value: r.value.id };
    if (r.error.code !== 'bulk_mutation_busy') return r;
    if (!ctx.alive()) return { ok: false, error: { code: 'job_stopped', message: 'The job was stopped.' } };
    await ctx.sleep(ctx.pollMs * 5);
  }
  return { ok: false, error: { code: 'bulk_mutation_busy', message: 'Another bulk change kept running on this store; the orders go one by one instead.' } };
}

/** Nothing of this round was sent: its orders go back to the queue for the per-order path. */
async function giveBack(ctx: MutationPathContext, job: BulkJob, reason: AppError): Promise<PathOutcome> {
  await ctx.store.updateItems(job, (item) => (item.status === 'applying' ? { ...item, status: 'queued', attempts: Math.max(0, item.attempts - 1), bulkLine: undefined } : null));
  job.mutation = undefined;
  job.options.path = 'per-order';
  job.notice = { code: 'bulk_path_unavailable', message: `Shopify's bulk changes were not available (${reason.message}); the orders are changed one by one instead.`, params: { reason: reason.code } };
  await ctx.store.putJob(job);
  return { kind: 'fallback', reason };
}

type ResultOrder = { id: string; email: string | null; originalEmail: { value: string } | null };
type UserErrors = { field: string[] | null; message: string }[];

interface ResultLine {
  __lineNumber?: number;
  data?: { orderUpdate?: { order: ResultOrder | null; userErrors: UserErrors } | null } | null;
  errors?: { message: string }[];
}

async function reconcile(ctx: MutationPathContext, job: BulkJob, m: MutationRound): Promise<'ok' | 'stopped' | AppError> {
  const skip = m.linesRead;
  let n = 0;
  let batch: Array<{ item: JobItem; entry: AuditEntry }> = [];
  // Lines waiting for their items: looked up together, one transaction per batch instead of one per line.
  let pending: Array<{ orderId: string; order: ResultOrder; userErrors: UserErrors }> = [];
  const judgePending = async () => {
    if (!pending.length) return;
    const items = await ctx.store.getItems(job.id, pending.map((p) => p.orderId));
    pending.forEach((p, i) => {
      const item = items[i];
      if (!item || item.status !== 'applying') return;
      const judged = judgeLine(job, item, p.order.email || null, p.order.originalEmail?.value || null, p.userErrors, ctx.now());
      if (judged) batch.push(judged);
    });
    pending = [];
  };
  const flush = async () => {
    await judgePending();
    if (!ctx.alive()) return false;
    if (batch.length) {
      await ctx.api.bulkMutation.recordAudit(batch.map((b) => b.entry));
      for (const b of batch) ctx.settle(b.item);
    }
    m.linesRead = n;
    job.updatedAt = new Date(ctx.now()).toISOString();
    await ctx.store.putItemsWithJob(job, batch.map((b) => b.item));
    batch = [];
    return true;
  };
  try {
    for await (const text of ctx.api.readJsonl(m.resultUrl!)) {
      n++;
      if (n <= skip) continue;
      const line = parse(text);
      const order = line?.data?.orderUpdate?.order;
      if (order?.id) pending.push({ orderId: order.id.replace(/^gid:\/\/shopify\/Order\//, ''), order, userErrors: line!.data!.orderUpdate!.userErrors ?? [] });
      if (pending.length >= RECONCILE_BATCH || n % (RECONCILE_BATCH * 4) === 0) {
        if (!(await flush())) return 'stopped';
      }
    }
  } catch {
    // The file could not be read (to its end): what is left is found by the check.
    if (!(await flush())) return 'stopped';
    return 'ok';
  }
  return (await flush()) ? 'ok' : 'stopped';
}

function parse(text: string): ResultLine | null {
  try {
    return JSON.parse(text) as ResultLine;
  } catch {
    return null;
  }
}

/** A payload that proves the outcome (changed with the original, or refused with nothing changed); null: check it. */
function judgeLine(job: BulkJob, item: JobItem, email: string | null, original: string | null, userErrors: { field: string[] | null; message: string }[], now: number) {
  const at = new Date(now).toISOString();
  if (same(email, item.proposed) && (job.kind === 'undo' || original)) return finished(job, item, 'done', email, at);
  if (userErrors.length && same(email, item.email)) {
    const first = userErrors[0]!;
    const field = (first.field ?? []).join('.') || 'email';
    const error: AppError = { code: 'user_error', message: `Shopify refused the change (${field}): ${first.message}`, params: { field, message: first.message } };
    return finished(job, item, 'failed', email, at, error);
  }
  return null;
}

/** Every order of the round still applying is re-read: its state decides, never a guess. */
async function check(ctx: MutationPathContext, job: BulkJob, m: MutationRound): Promise<'ok' | 'stopped' | AppError> {
  for (;;) {
    if (!ctx.alive()) return 'stopped';
    const pending = await ctx.store.itemsWithStatus(job.id, 'applying', RECHECK_BATCH);
    if (!pending.length) return 'ok';
    const seen = await ctx.api.recheck!(pending.map((i) => i.orderId));
    if (!seen.ok) return seen.error;
    const out: Array<{ item: JobItem; entry: AuditEntry | null }> = [];
    const at = new Date(ctx.now()).toISOString();
    for (const item of pending) {
      const now = seen.value.get(item.orderId);
      out.push(await checkOne(ctx, job, m, item, now ?? null, at));
    }
    if (!ctx.alive()) return 'stopped';
    const entries = out.map((o) => o.entry).filter((e): e is AuditEntry => e !== null);
    if (entries.length) await ctx.api.bulkMutation.recordAudit(entries);
    for (const o of out) if (o.item.status === 'done' || o.item.status === 'failed') ctx.settle(o.item);
    job.updatedAt = at;
    await ctx.store.putItemsWithJob(job, out.map((o) => o.item));
  }
}

async function checkOne(ctx: MutationPathContext, job: BulkJob, m: MutationRound, item: JobItem, now: RecheckedOrder | null, at: string): Promise<{ item: JobItem; entry: AuditEntry | null }> {
  if (!now) {
    const gone: AppError = { code: 'order_not_found', message: 'This order no longer exists (deleted or not visible to the app).', params: { order: item.orderId } };
    return finished(job, item, 'failed', item.email, at, gone);
  }
  if (same(now.email, item.proposed) && !same(item.proposed, item.email)) {
    if (job.kind === 'undo' || now.originalEmail) return finished(job, item, 'done', now.email, at, undefined, true);
    // Changed without its original on the order: write it on its own, or take the change back.
    const secured = await ctx.api.bulkMutation.secureOriginal(item.orderId, item.email ?? '', item.email);
    if (secured.ok && secured.value === 'saved') return finished(job, item, 'done', now.email, at, undefined, true);
    if (secured.ok) return finished(job, item, 'failed', item.email, at, { code: 'original_not_saved', message: 'Shopify changed the email but would not keep the original on the order, so the change was taken back.', params: { email: item.email ?? '' } });
    // Not known whether the original landed: keep the order applying, the next round checks it again.
    return { item, entry: null };
  }
  if (same(now.email, item.email)) {
    // Not reached: unchanged. Another round, or listed as not reached.
    if (m.round < MAX_ROUNDS) return { item: { ...item, status: 'queued', bulkLine: undefined }, entry: null };
    return finished(job, item, 'failed', item.email, at, { code: 'bulk_not_reached', message: "Shopify's bulk change did not reach this order; it is unchanged. Retry to send it again." });
  }
  // Someone else changed it meanwhile (not to what we sent): left as it is, and said so.
  const result = finished(job, item, 'done', now.email, at);
  result.item.result = { before: now.email, after: now.email, changed: false, skipped: 'fixed_since_scan', at };
  return { item: result.item, entry: null };
}
