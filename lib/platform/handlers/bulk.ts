/**
 * The bulk job in the background: one BulkEngine over the extension's IndexedDB, driven by the
 * dashboard's messages. The job belongs to the background, not to the dashboard tab, so closing the
 * dashboard changes nothing.
 *
 * Surviving the service worker, with no extra permission:
 * - while a job runs, a cheap extension API call every 20 s keeps Chrome from stopping the worker
 *   for idleness (an extension API call resets its idle timer);
 * - if the worker or the browser stops anyway, the job's state is in IndexedDB after every order, and
 *   `resumeAll()` runs on browser start-up, on install/update, and on the first message of any kind
 *   after a restart (a new worker instance re-reads the orders caught mid-change, then carries on).
 * `alarms` would only add a periodic wake-up for the rare case of a worker stopped while the browser
 * stays open with no extension event at all; the keep-alive makes that case not happen, so we do
 * without the permission.
 */
import { browser } from 'wxt/browser';
import { BulkEngine, JobStore } from '../../bulk';
import { auditCsv, auditEntryRows, queryAuditNewestFirst } from '../../bulk/audit-view';
import { classifierFromSettings } from '../../bulk/classify';
import { shopifyBulkApi } from '../../bulk/shopify-port';
import type { BulkApi, Classifier } from '../../bulk/types';
import { openGuardDb } from '../../audit';
import { onMessage } from '../../messaging';
import type { Result } from '../../result';
import { neutralForms } from '../../settings';
import { asResult, ApiFailure } from '../../shopify/errors';
import { isLoopbackOrigin, isValidHandle } from '../../store-ref';
import { SANDBOX_BUILD } from '../credentials';
import { getStoreSettings } from '../settings-storage';
import { assumeStorageGrantedForTests, isStorageUrl, storageFetch, storageGranted } from '../storage-hosts';
import { auditLogInstance, clientFor } from '../api';

let engine: Promise<BulkEngine> | null = null;

/** Test seam: options for the engine the background builds (fast sleeps, small thresholds). */
let engineOptions: Partial<ConstructorParameters<typeof BulkEngine>[0]> = {};
export function setBulkEngineOptions(next: Partial<ConstructorParameters<typeof BulkEngine>[0]>): void {
  engineOptions = next;
  engine = null;
}

/** Test seam: Node tests run the unbundled code (no sandbox build flag) against the fake API on 127.0.0.1. */
let allowLoopbackExports = SANDBOX_BUILD;
export function allowLoopbackExportsForTests(allow: boolean): void {
  allowLoopbackExports = allow;
  assumeStorageGrantedForTests(allow);
}

/** Only Shopify's storage (https) may serve an export; loopback too in the sandbox build (the fake API). */
function download(url: string): Promise<Response> {
  // Shopify's storage: only with the optional host permission (without it the scan pages instead).
  if (isStorageUrl(url, SANDBOX_BUILD || allowLoopbackExports)) return storageFetch(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.reject(new ApiFailure('bulk_scan_failed', 'Shopify gave an export link that is not a URL.', { reason: 'BAD_URL' }));
  }
  const allowed = parsed.protocol === 'https:' || (allowLoopbackExports && isLoopbackOrigin(parsed.origin));
  if (!allowed) return Promise.reject(new ApiFailure('bulk_scan_failed', 'Shopify gave an export link we do not trust.', { reason: 'BAD_URL' }));
  // No credentials: the link is pre-signed, and the store's token must never leave for another host.
  return fetch(parsed.href, { credentials: 'omit' });
}

async function apiFor(handle: string): Promise<BulkApi> {
  const [client, audit, settings] = await Promise.all([clientFor({ handle }), auditLogInstance(), getStoreSettings(handle)]);
  // The bulk job yields to the card: same budget, lower priority (lib/shopify/queue.ts).
  // The bulk-mutation path needs the storage hosts; without them the port has none and jobs go per order.
  const upload = (await storageGranted(SANDBOX_BUILD || allowLoopbackExports)) ? (url: string, form: FormData) => storageFetch(url, { method: 'POST', body: form }) : undefined;
  return shopifyBulkApi({
    client: client.withPriority('background'),
    audit,
    download,
    extraDomains: settings.extraDomains,
    neutral: neutralForms(settings),
    ...(upload ? { upload } : {}),
  });
}

async function classifierFor(handle: string): Promise<Classifier> {
  return classifierFromSettings(await getStoreSettings(handle));
}

export function bulkEngine(): Promise<BulkEngine> {
  engine ??= openGuardDb().then((db) => new BulkEngine({ store: new JobStore(db as never), apiFor, classifierFor, ...engineOptions }));
  engine.catch(() => {
    engine = null;
  });
  return engine;
}

let keepAlive: ReturnType<typeof setInterval> | null = null;

/** Keeps the worker awake while this instance drives a job; stops when every job has stopped. */
function watch(e: BulkEngine): void {
  if (keepAlive) return;
  keepAlive = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), 20_000);
  void e.idle().finally(() => {
    if (keepAlive) clearInterval(keepAlive);
    keepAlive = null;
  });
}

let resumed: Promise<void> | null = null;
/** Picks up jobs a stopped worker left running. Once per worker instance; later calls are free. */
export function resumeBulkJobs(): Promise<void> {
  resumed ??= (async () => {
    const e = await bulkEngine();
    const ids = await e.resumeAll();
    if (ids.length) watch(e);
  })().catch(() => {
    resumed = null;
  });
  return resumed;
}

/** Every bulk call: resume first (a message may be the first event after a restart), then run. */
function call<D, T>(run: (e: BulkEngine, data: D) => Promise<Result<T>>): (data: D) => Promise<Result<T>> {
  return async (data) => {
    await resumeBulkJobs();
    const e = await bulkEngine();
    const result = await run(e, data);
    watch(e);
    return result;
  };
}

function checkStore(handle: string): void {
  if (!isValidHandle(handle)) throw new ApiFailure('store_invalid', `"${handle}" is not a Shopify store name.`, { store: handle });
}

export function registerBulkHandlers(): void {
  onMessage(
    'bulkScan', 'extension',
    call(async (e, { store }) => {
      const ready = await asResult(async () => {
        checkStore(store.handle);
        await clientFor(store); // not connected → say so now, not after the job started
      });
      if (!ready.ok) return ready;
      return e.startScan(store.handle);
    }),
  );
  onMessage('bulkJobs', 'extension', call(async (e, { store }) => ({ ok: true, value: await e.jobs(store.handle) })));
  onMessage('bulkStatus', 'extension', call((e, { jobId }) => e.status(jobId)));
  onMessage('bulkPreview', 'extension', call((e, { jobId, ...q }) => e.preview(jobId, q)));
  onMessage('bulkDryRun', 'extension', call((e, { jobId, filters }) => e.dryRun(jobId, filters)));
  onMessage('bulkStart', 'extension', call((e, { jobId, filters, customer, path }) => e.start(jobId, { filters, customer, ...(path === 'bulk-mutation' ? { path } : {}) })));
  onMessage('bulkPause', 'extension', call((e, { jobId }) => e.pause(jobId)));
  onMessage('bulkResume', 'extension', call((e, { jobId }) => e.resume(jobId)));
  onMessage('bulkCancel', 'extension', call((e, { jobId }) => e.cancel(jobId)));
  onMessage('bulkRetryFailed', 'extension', call((e, { jobId }) => e.retryFailed(jobId)));
  onMessage('bulkUndoBatch', 'extension', call((e, { batchId }) => e.undoBatch(batchId)));
  onMessage(
    'bulkUndoOrders', 'extension',
    call(async (e, { store, orders }) => {
      const ok = await asResult(async () => checkStore(store.handle));
      if (!ok.ok) return ok;
      return e.undoOrders(store.handle, orders);
    }),
  );
  onMessage(
    'auditQuery', 'extension',
    call((_e, { store, filters, offset, limit }) =>
      asResult(async () => {
        checkStore(store.handle);
        const log = await auditLogInstance();
        return queryAuditNewestFirst(auditEntryRows(log.entries({ store: store.handle })), { ...filters, store: store.handle }, { offset, limit: Math.min(limit ?? 50, 500) });
      }),
    ),
  );
  onMessage(
    'auditExportCsv', 'extension',
    call((_e, { store, filters }) =>
      asResult(async () => {
        checkStore(store.handle);
        const log = await auditLogInstance();
        const { csv, rows } = await auditCsv(auditEntryRows(log.entries({ store: store.handle })), { ...filters, store: store.handle });
        const day = new Date().toISOString().slice(0, 10);
        return { csv, rows, filename: `proxy-mail-guard-audit-${store.handle}-${day}.csv` };
      }),
    ),
  );
  // A browser start or an extension update: carry on with what was running.
  browser.runtime.onStartup?.addListener(() => void resumeBulkJobs());
  browser.runtime.onInstalled?.addListener(() => void resumeBulkJobs());
  // Any start of the worker (an event woke it) is also a chance to carry on.
  void resumeBulkJobs();
}
