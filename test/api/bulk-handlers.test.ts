/**
 * The bulk calls through typed messaging (WXT fakeBrowser) against the fake API, as the dashboard
 * makes them: scan → status → preview → start → status until done → audit query → CSV → undo batch.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index';
import { sendMessage } from '../../lib/messaging';
import { registerConnectionHandlers } from '../../lib/platform/handlers/connection';
import { allowLoopbackExportsForTests, registerBulkHandlers, setBulkEngineOptions } from '../../lib/platform/handlers/bulk';
import { resetApiRegistry, setClientOverrides } from '../../lib/platform/api';
import { saveStoreSettings } from '../../lib/platform/settings-storage';
import { testSettings, expectedRelayIds } from './bulk-worker';

let api: FakeAdminApi;
beforeAll(async () => {
  api = await startFakeAdminApi({ orders: 120, seed: 5, plan: 'enterprise' });
});
afterAll(async () => api.close());
beforeEach(() => {
  api.reset();
  resetApiRegistry();
  setClientOverrides({ sandbox: true });
  allowLoopbackExportsForTests(true);
  setBulkEngineOptions({ pollMs: 50, bulkThreshold: 50 });
  registerConnectionHandlers();
  registerBulkHandlers();
});

const store = () => ({ handle: api.shop, origin: api.origin });

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 2000; i++) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('timed out');
}

describe('bulk handlers', () => {
  it('says not_connected before any work starts', async () => {
    expect(await sendMessage('bulkScan', { store: store() })).toMatchObject({ ok: false, error: { code: 'not_connected' } });
    expect(await sendMessage('bulkStatus', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'job_not_found' } });
  });

  it('runs a whole job from the dashboard calls', async () => {
    const settings = testSettings();
    await saveStoreSettings(api.shop, settings);
    expect(await sendMessage('connect', { store: store(), credentials: { kind: 'admin-token', token: api.token } })).toMatchObject({ ok: true });
    const relay = expectedRelayIds(api, settings);
    const scan = await sendMessage('bulkScan', { store: store() });
    if (!scan.ok) throw new Error(scan.error.message);
    const scanned = await until(() => sendMessage('bulkStatus', { jobId: scan.value.id }), (r) => r.ok && r.value.job.status !== 'scanning');
    expect(scanned.ok && scanned.value.job).toMatchObject({ status: 'scanned', scan: { path: 'bulk', scanned: api.store.size } });
    const preview = await sendMessage('bulkPreview', { jobId: scan.value.id, cls: 'relay', limit: 5 });
    expect(preview.ok && preview.value.matched).toBe(relay.length);
    expect(await sendMessage('bulkStart', { jobId: scan.value.id, filters: {}, customer: false })).toMatchObject({ ok: true, value: { status: 'running' } });
    const done = await until(() => sendMessage('bulkStatus', { jobId: scan.value.id }), (r) => r.ok && r.value.job.status !== 'running');
    expect(done.ok && done.value.job.progress).toMatchObject({ done: relay.length, failed: 0, remaining: 0 });
    expect(api.counters.mutations.orderUpdate).toBe(relay.length);

    const audit = await sendMessage('auditQuery', { store: store(), filters: { batchId: scan.value.id }, limit: 10 });
    expect(audit.ok && audit.value.matched).toBe(relay.length);
    expect(audit.ok && audit.value.rows[0]).toMatchObject({ kind: 'fix', result: 'changed', batchId: scan.value.id, after: null });
    const csv = await sendMessage('auditExportCsv', { store: store(), filters: {} });
    expect(csv.ok && csv.value.rows).toBe(relay.length);
    expect(csv.ok && csv.value.filename).toMatch(/^proxy-mail-guard-audit-demo-store-\d{4}-\d{2}-\d{2}\.csv$/);

    const undo = await sendMessage('bulkUndoBatch', { batchId: scan.value.id });
    if (!undo.ok) throw new Error(undo.error.message);
    const undone = await until(() => sendMessage('bulkStatus', { jobId: undo.value.id }), (r) => r.ok && r.value.job.status !== 'running');
    expect(undone.ok && undone.value.job.progress).toMatchObject({ done: relay.length, failed: 0 });
    const after = await sendMessage('auditQuery', { store: store(), filters: { batchId: scan.value.id, result: 'undone' }, limit: 1 });
    expect(after.ok && after.value.matched).toBe(relay.length);
  });
});
