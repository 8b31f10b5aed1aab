/**
 * Trust boundaries in real Chromium with the sandbox build: what our content script (inside the admin
 * page) can reach. Code runs IN the content script's isolated world through the DevTools protocol, so
 * these are the content script's real powers, not a simulation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { connectStore, launchBrowser, sendExtensionMessage, type LaunchedBrowser } from './harness';
import { DEMO_ORDERS, startSandbox, type Sandbox } from '../sandbox/server';

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
