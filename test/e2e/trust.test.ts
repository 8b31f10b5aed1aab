/**
 * Trust boundaries in real Chromium with the sandbox build: what our content script (inside the admin
 * page) can reach. Code runs IN the content script's isolated world through the DevTools protocol, so
 * these are the content script's real powers, not a simulation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { connectStore, launchBrowser, sendExtensionMessage, type LaunchedBrowser } from './harness';
import { DEMO_ORDERS, startSandbox, type Sandbox } from '../sandbox/server';
import { surfaceText } from '../sandbox/app/surfaces/common';

let browser: LaunchedBrowser;
let sandbox: Sandbox;
let page: Page;

beforeAll(async () => {
  sandbox = await startSandbox({ orders: 20 });
  browser = await launchBrowser();
  await connectStore(browser.serviceWorker!, sandbox);
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

interface Context {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; isDefault?: boolean };
}

/** Evaluates `expression` (a promise of a string) in our content script's isolated world on the page. */
async function inContentScript(target: Page, expression: string): Promise<string> {
  const cdp: CDPSession = await browser.context.newCDPSession(target);
  const contexts: Context[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: Context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const ours = () => contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith(`chrome-extension://${browser.extensionId}`));
  for (let i = 0; i < 100 && !ours(); i++) await new Promise((r) => setTimeout(r, 100));
  const context = ours();
  if (!context) throw new Error(`No content-script world on ${target.url()}: ${JSON.stringify(contexts.map((c) => [c.name, c.origin]))}`);
  const answer = await cdp.send('Runtime.evaluate', { expression, contextId: context.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (answer.exceptionDetails) throw new Error(`evaluation failed: ${JSON.stringify(answer.exceptionDetails)}`);
  return String(answer.result.value);
}

const attempt = (call: string) => `(async () => { try { const v = await ${call}; return 'ok:' + JSON.stringify(v); } catch (e) { return 'refused:' + (e && e.message); } })()`;

describe('the content script and extension storage', () => {
  it('cannot read storage.local (the token) — the control read of storage.sync from the same world works', async () => {
    await page.goto(sandbox.orderUrl(DEMO_ORDERS.amazon.legacyId));
    await expect.poll(() => page.locator('pmg-order-card').getAttribute('data-state'), { timeout: 15_000 }).toBe('warning');
    const local = await inContentScript(page, attempt('chrome.storage.local.get(null)'));
    expect(local).toMatch(/^refused:/);
    expect(local).not.toContain(sandbox.api.token);
    // Same world, another area: proves the evaluation really ran as our content script.
    expect(await inContentScript(page, attempt('chrome.storage.sync.get(null)'))).toMatch(/^ok:/);
    // And the background does hold the token there.
    const stored = await browser.serviceWorker!.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<unknown> } } } }).chrome.storage.local.get(null));
    expect(JSON.stringify(stored)).toContain(sandbox.api.token);
  });

  it('cannot make popup-only calls, nor ask about another store; its own store answers', async () => {
    await page.goto(sandbox.orderUrl(DEMO_ORDERS.amazon.legacyId));
    await expect.poll(() => page.locator('pmg-order-card').getAttribute('data-state'), { timeout: 15_000 }).toBe('warning');
    const send = (name: string, data: unknown) => inContentScript(page, attempt(`chrome.runtime.sendMessage(${JSON.stringify({ tag: 'pmg/1', name, data })})`));
    const own = { handle: sandbox.handle, origin: sandbox.origin };
    expect(await send('disconnect', { store: own })).toContain('"code":"caller_refused"');
    expect(await send('bulkScan', { store: own })).toContain('"code":"caller_refused"');
    expect(await send('getPageStatus', { tabId: 1 })).toContain('"code":"caller_refused"');
    expect(await send('getOrderFacts', { store: { handle: 'another-store', origin: sandbox.origin }, orderId: DEMO_ORDERS.amazon.legacyId })).toContain('"code":"caller_refused"');
    expect(await send('getOrderFacts', { store: own, orderId: DEMO_ORDERS.amazon.legacyId })).toContain('"ok":true');
    // Still connected: the refused disconnect did nothing.
    expect(await sendExtensionMessage(browser, 'testConnection', { store: own })).toMatchObject({ ok: true });
  });
});

describe('buttons we put into the admin ignore script-made clicks', () => {
  const T = 15_000;
  const amazon = DEMO_ORDERS.amazon;
  const notifyBox = () => page.getByRole('checkbox', { name: surfaceText('en', 'notifyFulfil'), exact: true });
  const confirmDialog = () => page.locator('[data-pmg="guard-confirm"]').getByRole('alertdialog');

  /** What a script in the admin page (main world) can do: call .click() and dispatch a click event. */
  const scriptClicks = (hostSelector: string, buttonSelector: string) =>
    page.evaluate(
      ([host, button]) => {
        const target = document.querySelector(host)?.shadowRoot?.querySelector<HTMLElement>(button);
        if (!target) return 'not found';
        target.click();
        target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
        return 'clicked';
      },
      [hostSelector, buttonSelector] as const,
    );

  it('"Send anyway" clicked by a page script does nothing; clicked by the merchant it turns the box on', async () => {
    await page.goto(`${sandbox.fulfilUrl(amazon.legacyId, amazon.fulfillmentOrderLegacyId)}?lang=en`);
    await page.locator('[data-pmg="notify-label"]').waitFor({ timeout: T });
    await expect.poll(() => notifyBox().isChecked(), { timeout: T }).toBe(false);
    await notifyBox().click();
    await confirmDialog().waitFor({ timeout: T });

    // The sandbox build leaves the root open so this test can reach the button at all (closed in production).
    expect(await scriptClicks('[data-pmg="guard-confirm"]', 'button.send')).toBe('clicked');
    await new Promise((r) => setTimeout(r, 500));
    expect(await confirmDialog().isVisible()).toBe(true);
    expect(await notifyBox().isChecked()).toBe(false);

    await confirmDialog().getByRole('button', { name: 'Send anyway' }).click(); // a real (trusted) click
    await expect.poll(() => notifyBox().isChecked(), { timeout: T }).toBe(true);
  });

  it('a fix button of the card clicked by a page script changes nothing', async () => {
    await page.goto(sandbox.orderUrl(DEMO_ORDERS.ebay.legacyId));
    await expect.poll(() => page.locator('pmg-order-card').getAttribute('data-state'), { timeout: T }).toBe('warning');
    const before = sandbox.api.store.orderById(Number(DEMO_ORDERS.ebay.legacyId))?.email;
    expect(await scriptClicks('pmg-order-card', '[data-action="fix-strip"]')).toBe('clicked');
    await new Promise((r) => setTimeout(r, 800));
    expect(sandbox.api.store.orderById(Number(DEMO_ORDERS.ebay.legacyId))?.email).toBe(before);
    expect(await page.locator('pmg-order-card').locator('[role="status"]').count()).toBe(0);
  });
});
