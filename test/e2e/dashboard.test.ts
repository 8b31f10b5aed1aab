/**
 * The bulk dashboard in real Chromium against the sandbox store: scan, see the counts and the
 * preview, apply, watch the progress bar reach the end, see the change log, undo one order.
 * Screenshots: test-results/screenshots/dashboard-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { connectStore, launchBrowser, type LaunchedBrowser } from './harness';
import { connectedShopDomains, expectedRelayIds } from '../api/bulk-worker';
import { defaultSettings } from '../../lib/settings';

describe('bulk dashboard', () => {
  let sandbox: Sandbox;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    // A small store on a fast plan: the test is about the page, the engine's speed is benched.
    sandbox = await startSandbox({ orders: 60, plan: 'enterprise', seed: 11 });
    browser = await launchBrowser({ viewport: { width: 1200, height: 1600 } });
    await connectStore(browser, sandbox);
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('scans, previews, applies with a progress bar, logs and undoes', async () => {
    // The store has default settings (strip): what the job must change, by the fake's own records.
    const relay = expectedRelayIds(sandbox.api, { ...defaultSettings(), shopDomains: connectedShopDomains(sandbox.api) });
    expect(relay.length).toBeGreaterThan(20);
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html?store=${sandbox.handle}&lang=en`);
    await page.getByRole('button', { name: 'Scan orders' }).click();
    const counts = page.getByTestId('bulk-counts');
    await counts.waitFor({ timeout: 30_000 });
    await expect.poll(async () => counts.textContent()).toContain(`${relay.length}Marketplace address`);

    const preview = page.getByTestId('bulk-preview');
    await preview.locator('tbody tr').first().waitFor();
    expect(await preview.textContent()).toMatch(/@|no email/);
    await page.getByRole('button', { name: 'Dry run' }).click();
    await expect.poll(async () => page.getByText('Dry run: nothing was changed').count()).toBe(1);
    expect(sandbox.api.counters.mutations.orderUpdate ?? 0).toBe(0);
    await browser.screenshot(page, 'dashboard-preview', { fullPage: true });

    await page.getByRole('button', { name: `Fix ${relay.length} orders` }).click();
    const bar = page.getByTestId('bulk-progress');
    await bar.waitFor();
    // Mid-run or finished, the bar speaks its value; wait for the end.
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBe(relay.length);
    await expect.poll(async () => page.getByText(`Done: ${relay.length} orders fixed.`).count(), { timeout: 10_000 }).toBe(1);
    expect(sandbox.api.counters.mutations.orderUpdate).toBe(relay.length);
    for (const id of relay) expect(sandbox.api.store.orderById(Number(id))?.email).toBeNull();
    await browser.screenshot(page, 'dashboard-done', { fullPage: true });

    // The change log lists every change; undo one order from it.
    const audit = page.getByTestId('bulk-audit');
    await expect.poll(async () => audit.locator('tbody tr').count()).toBeGreaterThan(1);
    const firstRow = audit.locator('tbody tr').first();
    const orderName = (await firstRow.locator('td').nth(1).textContent()) ?? '';
    await firstRow.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => page.getByText('Undone: 1 order has its original address again.').count(), { timeout: 20_000 }).toBe(1);
    const undone = [...relay].map((id) => sandbox.api.store.orderById(Number(id))!).find((o) => o.name === orderName.trim());
    expect(undone?.email).toMatch(/@/);
    await browser.screenshot(page, 'dashboard-audit', { fullPage: true });
  });
});
