/**
 * The dashboard's bulk-mutation path in real Chromium against the sandbox store: it asks for Shopify's
 * file storage with Chromium's own prompt, runs 2,000 relay orders through Shopify's bulk changes to
 * the end while showing each stage, and undoes them the same way; refused, the orders go one by one
 * and the dashboard says so, for a fix and for the undo of a bulk batch.
 *
 * The prompt is answered as a merchant answers it — its Allow or Deny button pressed — through
 * Chromium's UI DevTools (./browser-prompt.ts explains why nothing else reaches it headless).
 * Screenshots: test-results/screenshots/bulk-mutation-*.png.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { connectStore, launchBrowser, sendExtensionMessage, type LaunchedBrowser } from './harness';
import { BrowserUi, PROMPT_SWITCHES } from './browser-prompt';
import { connectedShopDomains, expectedRelayIds, fakeOrders } from '../api/bulk-worker';
import { defaultSettings } from '../../lib/settings';

// 4,566 generated orders with seed 12 hold exactly 2,000 relay orders (by the fake's own records).
const ORDERS = 4566;
const RELAY = 2000;
const FILE_STORAGE_HOSTS = ['https://shopify-staged-uploads.storage.googleapis.com/*', 'https://storage.googleapis.com/*', 'http://127.0.0.2/*'];
const REFUSED = "Access to Shopify's file storage was not given, so the orders are changed one by one. This takes longer and needs this browser open.";

/** The extension page's `chrome.permissions` (the test's own types have no `chrome`). */
type PagePermissions = { chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } };
/** chrome://extensions's own API (what its site-access switches call). */
type ExtensionsPage = { chrome: { developerPrivate: { removeHostPermission(id: string, host: string): Promise<void> } } };

const original = (o: { metafields: { key: string; value: string }[] }) => o.metafields.find((m) => m.key === 'original_email')?.value ?? null;

describe('bulk-mutation path in the dashboard', () => {
  let sandbox: Sandbox;
  let browser: LaunchedBrowser;
  let ui: BrowserUi;
  let page: Page;
  let relay: Set<string>;
  let before: Map<string, string | null>;

  beforeAll(async () => {
    sandbox = await startSandbox({ orders: ORDERS, plan: 'enterprise', seed: 12 });
    // Shopify's engine at a brisk pace: 2,000 lines take about five seconds, long enough to watch.
    sandbox.api.bulkMutations.linesPerSecond = 400;
    browser = await launchBrowser({ viewport: { width: 1200, height: 1500 }, lang: 'en-US', args: PROMPT_SWITCHES });
    ui = await BrowserUi.connect(browser);
    await connectStore(browser, sandbox);
    relay = new Set(expectedRelayIds(sandbox.api, { ...defaultSettings(), shopDomains: connectedShopDomains(sandbox.api) }));
    before = new Map(fakeOrders(sandbox.api).map((o) => [String(o.id), o.email]));
    page = await browser.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html?store=${sandbox.handle}&lang=en`);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page) await browser.screenshot(page, `bulk-mutation-failed-${task.name.slice(0, 20)}`, { fullPage: true });
  });
  afterAll(async () => {
    ui?.close();
    await browser?.close();
    await sandbox?.close();
  });

  const card = (kind: 'fix' | 'undo'): Locator => page.locator('section.pmg-card', { has: page.locator(`[data-testid="bulk-path"][data-kind="${kind}"]`) });
  const mutations = () => ({ updates: sandbox.api.counters.mutations.orderUpdate ?? 0, bulk: sandbox.api.counters.mutations.bulkOperationRunMutation ?? 0 });
  const granted = () => page.evaluate((origins) => (globalThis as unknown as PagePermissions).chrome.permissions.contains({ origins }), FILE_STORAGE_HOSTS);

  async function scan(again: boolean): Promise<void> {
    await page.getByRole('button', { name: again ? 'Scan again' : 'Scan orders' }).click();
    await page.getByTestId('bulk-preview').locator('tbody tr').first().waitFor({ timeout: 60_000 });
  }

  it('asks for the file storage, runs 2,000 orders through Shopify’s bulk changes with their stages, and undoes them', async () => {
    expect(relay.size).toBe(RELAY);
    expect(await granted()).toBe(false); // never granted at install
    await scan(false);
    await expect.poll(async () => page.getByTestId('bulk-counts').textContent(), { timeout: 30_000 }).toContain('2,000Marketplace address');

    // More than 1,000 orders: Shopify's bulk changes are chosen, with the line on why the browser asks.
    const bulkChoice = page.getByRole('radio', { name: "Shopify's bulk changes" });
    await page.getByRole('button', { name: 'Fix 2,000 orders' }).waitFor();
    expect(await bulkChoice.isChecked()).toBe(true);
    await page.getByText("Your browser will ask to allow access to Shopify's file storage").waitFor();
    await browser.screenshot(page, 'bulk-mutation-choice', { fullPage: true });

    const start = mutations();
    await page.getByRole('button', { name: 'Fix 2,000 orders' }).click();
    // Chromium's own prompt, naming the hosts; the merchant presses Allow.
    const prompt = await ui.waitForPermissionPrompt();
    const said = prompt.texts.join(' | ');
    expect(said).toMatch(/Proxy Mail Guard/);
    expect(said).toMatch(/storage\.googleapis\.com|127\.0\.0\.2/);
    expect(prompt.buttons.map((b) => b.text).sort()).toEqual(['Allow', 'Deny']);
    console.log(`Chromium's prompt: ${said}`);
    await ui.press('Allow');
    await expect.poll(granted).toBe(true);

    // Each stage of the round shows while it runs, with its numbers; a screenshot while Shopify works.
    const fix = card('fix');
    await fix.waitFor({ timeout: 20_000 });
    await fix.getByText("Sent with Shopify's bulk changes.").waitFor();
    const stages = new Set<string>();
    let shot = false;
    const bar = fix.getByTestId('bulk-progress');
    for (const until = Date.now() + 90_000; Date.now() < until; ) {
      const stage = await fix.getByTestId('bulk-stage').getAttribute('data-stage', { timeout: 100 }).catch(() => null);
      if (stage) {
        stages.add(stage);
        if (stage === 'running' && !shot) {
          expect(await fix.getByTestId('bulk-stage').textContent()).toBe('Shopify is changing 2,000 orders…');
          await browser.screenshot(page, 'bulk-mutation-running', { fullPage: true });
          shot = true;
        }
      }
      if (Number(await bar.getAttribute('aria-valuenow')) === RELAY && stage === null) break;
      await page.waitForTimeout(150);
    }
    expect(stages.has('running')).toBe(true);
    await fix.getByText('Done: 2,000 orders fixed.', { exact: false }).waitFor({ timeout: 30_000 });
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBe(RELAY);
    await browser.screenshot(page, 'bulk-mutation-done', { fullPage: true });

    // On the store: one bulk operation; each relay order changed once, with its original saved.
    const done = mutations();
    expect(done.bulk - start.bulk).toBe(1);
    expect(done.updates - start.updates).toBe(RELAY);
    for (const o of fakeOrders(sandbox.api)) {
      const was = before.get(String(o.id)) ?? null;
      if (relay.has(String(o.id))) {
        expect(o.email).toBeNull();
        expect(original(o)).toBe(was);
      } else expect(o.email).toBe(was);
    }

    // Undo: access is still given, so no prompt; the batch goes back through one bulk operation.
    await fix.getByRole('button', { name: 'Undo this batch' }).click();
    const undo = card('undo');
    await undo.waitFor({ timeout: 20_000 });
    expect(await ui.permissionPrompts()).toHaveLength(0);
    await undo.getByText("Sent with Shopify's bulk changes.").waitFor();
    await undo.getByText('Undone: 2,000 orders have their original address again.').waitFor({ timeout: 90_000 });
    await browser.screenshot(page, 'bulk-mutation-undone', { fullPage: true });
    const undone = mutations();
    expect(undone.bulk - done.bulk).toBe(1);
    expect(undone.updates - done.updates).toBe(RELAY);
    for (const o of fakeOrders(sandbox.api)) expect(o.email).toBe(before.get(String(o.id)) ?? null);
  });

  it('refused: the orders go one by one and the dashboard says so — for a new fix and for undoing a bulk batch', async () => {
    await scan(true);
    const market = page.locator('section.pmg-card', { has: page.getByTestId('bulk-preview') }).getByLabel('Marketplace');

    // A small bulk batch while access is given (the merchant picks the bulk path below the threshold).
    await market.selectOption({ label: 'Newegg' });
    const newegg = [...relay].filter((id) => sandbox.api.store.orderById(Number(id))?.marketplace === 'newegg');
    expect(newegg.length).toBeGreaterThan(5);
    await page.getByRole('button', { name: `Fix ${newegg.length} orders` }).waitFor();
    expect(await page.getByRole('radio', { name: 'One by one' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: "Shopify's bulk changes" }).check();
    let at = mutations();
    await page.getByRole('button', { name: `Fix ${newegg.length} orders` }).click();
    const fix = card('fix');
    await fix.getByText(`Done: ${newegg.length} orders fixed.`, { exact: false }).waitFor({ timeout: 60_000 });
    expect(mutations().bulk - at.bulk).toBe(1);
    for (const id of newegg) expect(sandbox.api.store.orderById(Number(id))?.email).toBeNull();

    // The merchant takes the access back on chrome://extensions, then undoes the batch. (Not the
    // extension's own permissions.remove: Chromium remembers what was once granted and would not ask again.)
    const dashboard = page.url();
    await page.goto(`chrome://extensions/?id=${browser.extensionId}`);
    await browser.screenshot(page, 'bulk-mutation-site-access', { fullPage: true });
    await page.evaluate(
      async ([id, hosts]) => {
        for (const host of hosts) await (globalThis as unknown as ExtensionsPage).chrome.developerPrivate.removeHostPermission(id, host);
      },
      [browser.extensionId!, FILE_STORAGE_HOSTS] as const,
    );
    await page.goto(dashboard);
    await fix.getByRole('button', { name: 'Undo this batch' }).waitFor();
    expect(await granted()).toBe(false);
    at = mutations();
    await fix.getByRole('button', { name: 'Undo this batch' }).click();
    await ui.waitForPermissionPrompt();
    await ui.press('Deny');
    const undo = card('undo');
    await undo.getByText(REFUSED).waitFor({ timeout: 20_000 });
    await undo.getByText(`Undone: ${newegg.length} orders have their original address again.`).waitFor({ timeout: 60_000 });
    await undo.getByText('Sent one by one.').waitFor();
    expect(mutations().bulk).toBe(at.bulk);
    expect(mutations().updates - at.updates).toBe(newegg.length);
    for (const id of newegg) expect(sandbox.api.store.orderById(Number(id))?.email).toBe(before.get(id));
    await browser.screenshot(page, 'bulk-mutation-undo-refused', { fullPage: true });
    // The change log says which: every Newegg fix (both batches) undone, every undo done, none left unconfirmed.
    const log = await sendExtensionMessage(browser, 'auditQuery', { store: { handle: sandbox.handle }, filters: { marketplace: 'newegg' }, limit: 500 });
    const rows = (log.value as { rows: Array<{ kind: string; result: string }> }).rows;
    expect(rows.filter((r) => r.kind === 'fix').map((r) => r.result)).toEqual(Array(2 * newegg.length).fill('undone'));
    expect(rows.filter((r) => r.kind === 'undo').map((r) => r.result)).toEqual(Array(2 * newegg.length).fill('changed'));
    await expect.poll(async () => page.getByTestId('bulk-audit').textContent(), { timeout: 10_000 }).not.toContain('Not confirmed');

    // A new fix with the bulk path picked: the prompt again, refused → one by one, said plainly.
    await market.selectOption({ label: 'bol.com' });
    const bol = [...relay].filter((id) => sandbox.api.store.orderById(Number(id))?.marketplace === 'bol');
    expect(bol.length).toBeGreaterThan(5);
    await page.getByRole('button', { name: `Fix ${bol.length} orders` }).waitFor();
    await page.getByRole('radio', { name: "Shopify's bulk changes" }).check();
    at = mutations();
    await page.getByRole('button', { name: `Fix ${bol.length} orders` }).click();
    await ui.waitForPermissionPrompt();
    await ui.press('Deny');
    await fix.getByText(REFUSED).waitFor({ timeout: 20_000 });
    await fix.getByText('Sent one by one.').waitFor();
    // The job's count is of all its runs: the Newegg batch and this one.
    await fix.getByText(`Done: ${newegg.length + bol.length} orders fixed.`, { exact: false }).waitFor({ timeout: 60_000 });
    expect(await granted()).toBe(false);
    expect(mutations().bulk).toBe(at.bulk);
    expect(mutations().updates - at.updates).toBe(bol.length);
    for (const id of bol) expect(sandbox.api.store.orderById(Number(id))?.email).toBeNull();
    await browser.screenshot(page, 'bulk-mutation-refused', { fullPage: true });
  });
});
