/**
 * The notify-guard feature as the content script runs it: order verdict from the background (Admin
 * API) or from the page, the settings switch, texts in the admin's language, page status and the
 * override record — over WXT's fakeBrowser messaging, with the real background text handler.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import feature from '../../entrypoints/admin.content/features/notify-guard';
import { parseAdminUrl } from '../../lib/admin-url';
import { onMessage } from '../../lib/messaging';
import { acceptScriptedClicksForTests, ownShadowRoot } from '../../entrypoints/admin.content/own-ui';
import type { PageStatus } from '../../lib/messages';
import type { OrderFacts } from '../../lib/order-facts';
import { blankFacts } from '../fixtures/order-facts';
import { getTexts } from '../../lib/platform/handlers/texts';
import { saveStoreSettings } from '../../lib/platform/settings-storage';
import { registerSettingsHandlers } from '../../lib/platform/handlers/settings';
import { fail, ok } from '../../lib/result';
import { defaultSettings } from '../../lib/settings';
import { statusLine } from '../../lib/status-line';

const ORIGIN = 'http://127.0.0.1:4173';
const AMAZON = 'c4dc1kt7abtb7qr@marketplace.amazon.com';
let controller: AbortController;
let statuses: PageStatus[];
let overrides: unknown[];
let facts: Map<string, OrderFacts | null>;

function orderFacts(orderId: string, email: string | null, extra: Partial<OrderFacts> = {}): OrderFacts {
  return blankFacts({ orderId, name: '#1001', email, sourceName: 'web', displayFulfillmentStatus: 'UNFULFILLED', ...extra });
}

function fulfilPage(email: string | null) {
  document.documentElement.lang = 'en';
  document.body.innerHTML = `<main id="AppFrameMain">
    <h1>Fulfill items</h1>
    <div><h2>Notify customer of shipment</h2><label><input type="checkbox" checked> Send shipment details to your customer now</label></div>
    <aside><h2>Customer</h2>${email ? `<a href="mailto:${email}">${email}</a>` : ''}</aside>
  </main>`;
  // The admin's own React keeps the box controlled; here a plain input stands in for it.
}

async function run(path: string) {
  const url = new URL(`${ORIGIN}/store/demo-store${path}`);
  const location = parseAdminUrl(url, { allowLoopback: true });
  return feature.init({ location: location as never, url, document, signal: controller.signal, sandbox: true, firstLoad: true });
}

const box = () => document.querySelector('input[type=checkbox]') as HTMLInputElement;
const note = (kind: string) => ownShadowRoot(document.querySelector(`[data-pmg="${kind}"]`))?.textContent ?? null;

beforeEach(() => {
  controller = new AbortController();
  statuses = [];
  overrides = [];
  facts = new Map();
  onMessage('getTexts', 'admin-tab', getTexts);
  registerSettingsHandlers(); // the feature asks the background, as in the extension
  onMessage('getOrderFacts', 'store-tab', ({ orderId }) => {
    const f = facts.get(orderId);
    return f ? ok(f) : fail('not_connected', 'This store is not connected.');
  });
  onMessage('reportPageStatus', 'store-tab', (status) => {
    statuses.push(status);
    return ok(undefined);
  });
  onMessage('recordGuardOverride', 'store-tab', (data) => {
    overrides.push(data);
    return ok(undefined);
  });
});

afterEach(() => {
  controller.abort();
});

describe('notify-guard feature', () => {
  it('connected: an Amazon order from the API gets its box turned off, labelled, and reported', async () => {
    facts.set('101', orderFacts('101', AMAZON));
    fulfilPage(null); // the page need not show the email when the API answers
    expect(await run('/orders/101/fulfillment_orders/9/fulfill')).toBe(true);
    expect(box().checked).toBe(false);
    expect(note('notify-label')).toContain('Turned off: marketplace order (Amazon)');
    // Reported as message keys: the popup says it in the browser's language.
    await vi.waitFor(() => expect(statuses.at(-1)?.actions).toContainEqual(statusLine('guard_status_turned_off', { surface: statusLine('guard_surface_fulfil') })));
    expect(statuses.at(-1)).toMatchObject({ surface: 'fulfil', orderId: '101', flagged: { marketplace: 'amazon', label: 'Amazon', via: 'email' }, inactive: false });
  });

  it('connected: an ordinary order is never touched', async () => {
    facts.set('102', orderFacts('102', 'lena.fischer@gmx.de'));
    fulfilPage('lena.fischer@gmx.de');
    expect(await run('/orders/102/fulfillment_orders/9/fulfill')).toBe(false);
    expect(box().checked).toBe(true);
    expect(document.querySelector('[data-pmg]')).toBeNull();
  });

  it('connected: an Etsy order known only by its channel is guarded', async () => {
    facts.set('103', orderFacts('103', 'hannah.lindqvist@gmail.com', { channelName: 'Etsy', sourceName: 'etsy' }));
    fulfilPage('hannah.lindqvist@gmail.com');
    await run('/orders/103/fulfillment_orders/9/fulfill');
    expect(box().checked).toBe(false);
    expect(note('notify-label')).toContain('(Etsy)');
  });

  it('not connected: works from the email the page shows, in the admin language', async () => {
    fulfilPage(AMAZON);
    document.documentElement.lang = 'de';
    document.querySelector('label')!.lastChild!.textContent = ' Versanddetails jetzt an deinen Kunden senden';
    await run('/orders/104/fulfillment_orders/9/fulfill');
    expect(box().checked).toBe(false);
    expect(note('notify-label')).toContain('Ausgeschaltet: Marktplatz-Bestellung (Amazon)');
  });

  it('not connected: the order page seen earlier in this tab tells the fulfil page what the order is', async () => {
    document.body.innerHTML = `<main><h1>#1001</h1><section><h2>Customer</h2><a href="mailto:${AMAZON}">${AMAZON}</a></section></main>`;
    await run('/orders/105');
    controller.abort();
    controller = new AbortController();
    fulfilPage(null); // this fulfil page shows no email
    await run('/orders/105/fulfillment_orders/9/fulfill');
    expect(box().checked).toBe(false);
  });

  it('not connected and nothing on the page: says the guard is inactive rather than guessing', async () => {
    fulfilPage(null);
    expect(await run('/orders/106/fulfillment_orders/9/fulfill')).toBe(false);
    await vi.waitFor(() => expect(note('guard-inactive')).toContain('Guard inactive: check the notify box yourself'), { timeout: 3000 });
    expect(note('guard-inactive')).toContain('cannot tell from this page');
    expect(box().checked).toBe(true);
    await vi.waitFor(() => expect(statuses.at(-1)?.inactive).toBe(true));
  }, 12_000);

  it('follows the admin switching its language without a navigation', async () => {
    facts.set('109', orderFacts('109', AMAZON));
    fulfilPage(AMAZON);
    await run('/orders/109/fulfillment_orders/9/fulfill');
    expect(note('notify-label')).toContain('Turned off: marketplace order (Amazon)');
    document.documentElement.lang = 'fr';
    document.querySelector('label')!.lastChild!.textContent = ' Envoyer dès maintenant les détails de l’expédition à votre client';
    await vi.waitFor(() => expect(note('notify-label')).toContain('Désactivé : commande marketplace (Amazon)'));
    expect(box().checked).toBe(false);
  });

  it('does nothing when the merchant switched the guard off', async () => {
    await saveStoreSettings('demo-store', { ...defaultSettings(), guardEnabled: false });
    facts.set('107', orderFacts('107', AMAZON));
    fulfilPage(AMAZON);
    expect(await run('/orders/107/fulfillment_orders/9/fulfill')).toBe(false);
    expect(box().checked).toBe(true);
  });

  it('a confirmed re-tick is recorded in the audit log through the background', async () => {
    facts.set('108', orderFacts('108', AMAZON));
    fulfilPage(AMAZON);
    await run('/orders/108/fulfillment_orders/9/fulfill');
    box().click();
    const confirm = document.querySelector('[data-pmg="guard-confirm"]')!;
    expect(ownShadowRoot(confirm)!.textContent).toContain('Email the Amazon buyer anyway?');
    acceptScriptedClicksForTests(true); // happy-dom cannot make a trusted click
    (Array.from(ownShadowRoot(confirm)!.querySelectorAll('button')).find((b) => b.textContent === 'Send anyway') as HTMLElement).click();
    await vi.waitFor(() => expect(overrides).toEqual([{ store: { handle: 'demo-store', origin: ORIGIN }, orderId: '108', surface: 'fulfil', marketplace: 'amazon' }]));
    expect(box().checked).toBe(true);
    expect(note('notify-overridden')).toContain('Turned on by you');
  });

  it('a script-made click on "Send anyway" does not send: the dialog stays, the box stays off, nothing is recorded', async () => {
    facts.set('109', orderFacts('109', AMAZON));
    fulfilPage(AMAZON);
    await run('/orders/109/fulfillment_orders/9/fulfill');
    box().click();
    const confirm = document.querySelector('[data-pmg="guard-confirm"]')!;
    expect(confirm.shadowRoot).toBeNull(); // closed: the admin's scripts cannot even find the button
    acceptScriptedClicksForTests(false);
    (Array.from(ownShadowRoot(confirm)!.querySelectorAll('button')).find((b) => b.textContent === 'Send anyway') as HTMLElement).click();
    await new Promise((r) => setTimeout(r, 50));
    expect(confirm.isConnected).toBe(true);
    expect(box().checked).toBe(false);
    expect(overrides).toEqual([]);
  });
});
