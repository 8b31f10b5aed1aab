/**
 * The order list in real Chromium with the sandbox build: 268 orders over pages of 50 in an IndexTable
 * whose <tr> nodes are re-used (keyed by position). Every badge right on every screen (first page,
 * sort, next page, previous page, a search), never a stale badge on a re-used row (checked on every
 * mutation and every frame), one verdicts request per new screen and none for a screen seen before;
 * "Fix them" end to end with Undo; not connected → no badge, one line on how to connect.
 * Screenshots: test-results/screenshots/orders-list-{en,fr,de}.png, orders-list-fixed-en.png
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectStore, disconnectStore, launchBrowser, sendExtensionMessage, type LaunchedBrowser } from './harness';
import { DEMO_ORDERS, startSandbox, type Sandbox } from '../sandbox/server';
import { listText } from '../sandbox/app/pages/order-list-texts';

const T = 20_000;
let browser: LaunchedBrowser;
let sandbox: Sandbox;
let page: Page;

interface RowSeen {
  orderId: string;
  badges: Array<{ orderId: string; tone: string; text: string }>;
}

/** Each row's order (from its link, as the test reads it) and the badges inside that row. */
const rowsSeen = (): Promise<RowSeen[]> =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('tbody tr')).flatMap((tr) => {
      const href = tr.querySelector('a[data-primary-link]')?.getAttribute('href') ?? '';
      const orderId = /\/orders\/(\d+)$/.exec(href)?.[1];
      if (!orderId) return [];
      const badges = Array.from(tr.querySelectorAll('pmg-list-badge')).map((b) => {
        const d = (b as HTMLElement).dataset;
        return { orderId: d.orderId ?? '', tone: d.tone ?? '', text: b.shadowRoot?.querySelector('span')?.textContent ?? '' };
      });
      return [{ orderId, badges }];
    }),
  );

const screenOrders = () => page.evaluate(() => Array.from(document.querySelectorAll('tbody tr a[data-primary-link]'), (a) => a.textContent).join(','));
const graphqlRequests = () => sandbox.api.counters.graphqlRequests;

/** What each order should show, from the background's own verdicts call (asked from an extension page). */
async function expectedFor(ids: string[]): Promise<Map<string, { state: string; label: string | null; via?: string }>> {
  const answer = await sendExtensionMessage(browser, 'listVerdicts', { store: { handle: sandbox.handle, origin: sandbox.origin }, orderIds: ids });
  expect(answer.ok).toBe(true);
  const verdicts = (answer.value as { verdicts: Array<{ orderId: string; state: string; label: string | null; via?: string }> }).verdicts;
  return new Map(verdicts.map((v) => [v.orderId, v]));
}

/** Waits until the screen's badges are painted, then checks every row against the expected verdicts. */
async function checkScreen(lang: 'en' | 'fr' | 'de' = 'en'): Promise<RowSeen[]> {
  // Painted = every row with a relay/protected order carries its badge; poll until the count is stable.
  let last = -1;
  await expect
    .poll(
      async () => {
        const n = await page.locator('pmg-list-badge').count();
        const stable = n === last && n > 0;
        last = n;
        return stable;
      },
      { timeout: T, interval: 250 },
    )
    .toBe(true);
  const rows = await rowsSeen();
  const expected = await expectedFor(rows.map((r) => r.orderId));
  const words = {
    en: ['relay address', 'protected', 'marketplace order'],
    fr: ['adresse relais', 'protégée', 'commande marketplace'],
    de: ['Relay-Adresse', 'geschützt', 'Marktplatz-Bestellung'],
  }[lang];
  for (const row of rows) {
    const want = expected.get(row.orderId)!;
    // Found by its channel (Etsy: the buyer's real address): "marketplace order", not "relay address".
    if (want.state === 'relay') expect(row.badges, row.orderId).toEqual([{ orderId: row.orderId, tone: 'critical', text: `${want.label} · ${want.via === 'channel' ? words[2] : words[0]}` }]);
    else if (want.state === 'protected') expect(row.badges, row.orderId).toEqual([{ orderId: row.orderId, tone: 'success', text: `${want.label} · ${words[1]}` }]);
    else expect(row.badges, row.orderId).toEqual([]);
  }
  return rows;
}

/** Records, in the page, any badge that sits on a row showing another order — on every mutation and every frame. */
async function watchForStaleBadges(): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __stale: string[] };
    w.__stale = [];
    const check = (when: string) => {
      for (const b of Array.from(document.querySelectorAll('pmg-list-badge'))) {
        const href = b.closest('tr')?.querySelector('a[data-primary-link]')?.getAttribute('href') ?? '';
        const shown = /\/orders\/(\d+)$/.exec(href)?.[1] ?? 'none';
        if (shown !== (b as HTMLElement).dataset.orderId) w.__stale.push(`${when}: badge of ${(b as HTMLElement).dataset.orderId} on row of ${shown}`);
      }
    };
    new MutationObserver(() => check('mutation')).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const frame = () => {
      check('frame');
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}
const staleSeen = () => page.evaluate(() => (window as unknown as { __stale: string[] }).__stale);

async function changeScreen(action: () => Promise<void>): Promise<void> {
  const before = await screenOrders();
  await action();
  await expect.poll(screenOrders, { timeout: T }).not.toBe(before);
}

beforeAll(async () => {
  sandbox = await startSandbox({ orders: 250 });
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

describe('connected: badges follow their orders', () => {
  beforeAll(async () => {
    await connectStore(browser, sandbox);
  });

  it('every badge right through first page, sort, next, previous and a search; no stale badge; one request per new screen', async () => {
    const l = (k: Parameters<typeof listText>[1]) => listText('en', k);
    let requests = graphqlRequests();
    await page.goto(`${sandbox.orderListUrl()}?lang=en`);
    await page.locator('tbody tr').first().waitFor({ timeout: T });
    await watchForStaleBadges();
    const first = await checkScreen();
    expect(first).toHaveLength(50);
    const demo = new Map(first.map((r) => [r.orderId, r.badges[0]?.text ?? null]));
    expect(demo.get(DEMO_ORDERS.amazon.legacyId)).toBe('Amazon · relay address');
    expect(demo.get(DEMO_ORDERS.ebay.legacyId)).toBe('eBay · relay address');
    expect(demo.get(DEMO_ORDERS.neutralised.legacyId)).toBe('Amazon · protected');
    expect(demo.get(DEMO_ORDERS.stripped.legacyId)).toBe('Amazon · protected');
    expect(demo.get(DEMO_ORDERS.etsy.legacyId)).toBe('Etsy · marketplace order');
    expect(demo.get(DEMO_ORDERS.ordinary.legacyId)).toBeNull();
    // One request for the 50 rows (the test's own expectation call comes after, and is counted apart).
    const screens: Array<[string, () => Promise<void>, number]> = [
      ['sort', () => page.getByRole('button', { name: l('sortLabel') }).click(), 1],
      ['next', () => page.getByRole('button', { name: `${l('next')} ›` }).click(), 1],
      ['previous (seen before)', () => page.getByRole('button', { name: `‹ ${l('previous')}` }).click(), 0],
      [
        'search',
        async () => {
          await page.getByRole('searchbox').fill('source_name:ebay OR source_name:amazon');
          await page.keyboard.press('Enter');
        },
        -1,
      ],
    ];
    // The first screen: exactly one verdicts request, then one expectation request from the test.
    expect(graphqlRequests() - requests).toBe(2);
    for (const [what, action, expectedRequests] of screens) {
      requests = graphqlRequests();
      await changeScreen(action);
      const rows = await checkScreen();
      const made = graphqlRequests() - requests - 1; // minus the test's own expectation call
      if (expectedRequests >= 0) expect(made, what).toBe(expectedRequests);
      else expect(made, what).toBeLessThanOrEqual(1);
      expect(rows.length, what).toBeGreaterThan(0);
    }
    expect(await staleSeen()).toEqual([]);
    await browser.screenshot(page, 'orders-list-search-en');
  });

  it.each(['en', 'fr', 'de'] as const)('%s: badges and the line above the list in the admin’s language (screenshot)', async (lang) => {
    await page.goto(`${sandbox.orderListUrl()}?lang=${lang}`);
    await checkScreen(lang);
    const line = page.locator('pmg-list-banner section');
    await line.waitFor({ timeout: T });
    const text = await line.innerText();
    const want = { en: 'orders on this page still have a marketplace address', fr: 'commandes de cette page ont encore une adresse de marketplace', de: 'Bestellungen auf dieser Seite haben noch eine Marktplatz-Adresse' }[lang];
    expect(text).toContain(want);
    await browser.screenshot(page, `orders-list-${lang}`);
  });

  it('"Fix them" fixes the relay orders on screen through the card’s path, with progress, then Undo restores them', async () => {
    sandbox.api.reset();
    await page.goto(`${sandbox.orderListUrl()}?lang=en&q=${encodeURIComponent('source_name:ebay')}`);
    await checkScreen();
    const rows = await rowsSeen();
    const relay = rows.filter((r) => r.badges[0]?.tone === 'critical').map((r) => r.orderId);
    expect(relay.length).toBeGreaterThan(0);
    const emailsBefore = new Map(relay.map((id) => [id, sandbox.api.store.orderById(Number(id))!.email]));
    const banner = page.locator('pmg-list-banner');
    await banner.locator('button[data-action="fix"]').click();
    await expect.poll(() => banner.locator('section').innerText(), { timeout: T }).toContain(`Fixed ${relay.length} of ${relay.length}`);
    for (const id of relay) {
      const order = sandbox.api.store.orderById(Number(id))!;
      expect(order.email, id).not.toBe(emailsBefore.get(id));
      expect(order.metafields.find((m) => m.key === 'original_email')?.value, id).toBe(emailsBefore.get(id));
    }
    // The same rows now carry "protected" badges, and the line offers Undo.
    await expect.poll(async () => (await rowsSeen()).filter((r) => relay.includes(r.orderId)).every((r) => r.badges[0]?.tone === 'success'), { timeout: T }).toBe(true);
    await browser.screenshot(page, 'orders-list-fixed-en');

    await banner.locator('button[data-action="undo"]').click();
    await expect.poll(() => banner.locator('section').innerText(), { timeout: T }).toContain(`Restored ${relay.length} original addresses`);
    for (const id of relay) expect(sandbox.api.store.orderById(Number(id))!.email, id).toBe(emailsBefore.get(id));
    await expect.poll(async () => (await rowsSeen()).filter((r) => relay.includes(r.orderId)).every((r) => r.badges[0]?.tone === 'critical'), { timeout: T }).toBe(true);
  });
});

describe('not connected', () => {
  it('no badge at all; one line above the list on how to connect', async () => {
    await disconnectStore(browser, sandbox.handle);
    const before = graphqlRequests();
    await page.goto(`${sandbox.orderListUrl()}?lang=en`);
    const line = page.locator('pmg-list-banner section');
    await line.waitFor({ timeout: T });
    expect(await line.innerText()).toContain('connect this store');
    expect(await page.locator('pmg-list-banner button[data-action="connect"]').count()).toBe(1);
    expect(await page.locator('pmg-list-badge').count()).toBe(0);
    expect(graphqlRequests()).toBe(before);
  });
});

describe('a list layout we do not recognise', () => {
  it('says "guard inactive" in a corner notice instead of staying silent', async () => {
    await page.goto(`${sandbox.orderListUrl()}?lang=en&layout=unknown`);
    await page.locator('tbody tr').first().waitFor({ timeout: T });
    const notice = page.locator('pmg-list-banner[data-state="inactive"] section');
    await notice.waitFor({ timeout: T });
    expect(await notice.innerText()).toContain('Guard inactive on this page');
    expect(await page.locator('pmg-list-badge').count()).toBe(0);
    await browser.screenshot(page, 'orders-list-inactive-en');
  });
});
