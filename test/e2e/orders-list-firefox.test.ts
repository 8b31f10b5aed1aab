/**
 * The order list in Firefox ESR (the Firefox sandbox build over WebDriver BiDi): the list feature is a
 * separate script the content script imports on the list only, so this proves Firefox runs that
 * import in the content script's world, and that badges follow their orders across a page change.
 * Screenshot: test-results/screenshots/firefox-orders-list.png
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORDERS, startSandbox, type Sandbox } from '../sandbox/server';
import { launchFirefox, until, type LaunchedFirefox } from './firefox-harness';

let sandbox: Sandbox;
let ff: LaunchedFirefox;

beforeAll(async () => {
  sandbox = await startSandbox({ orders: 120 });
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await sandbox?.close();
});

describe('Firefox: orders list', () => {
  it('badges right on the first page and the next one, the line above the list, one request per screen', async () => {
    const connected = await ff.send('connect', { store: { handle: sandbox.handle, origin: sandbox.origin }, credentials: { kind: 'admin-token', token: sandbox.api.token } });
    expect(connected.ok).toBe(true);
    const page = await ff.newPage();
    const rows = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('tbody tr')).map((tr) => {
          const id = /\/orders\/(\d+)$/.exec(tr.querySelector('a[data-primary-link]')?.getAttribute('href') ?? '')?.[1] ?? '';
          const badges = Array.from(tr.querySelectorAll('pmg-list-badge')).map((b) => `${(b as HTMLElement).dataset.orderId}:${(b as HTMLElement).dataset.tone}`);
          return { id, badges };
        }),
      );
    const check = async () => {
      const seen = await rows();
      const answer = await ff.send('listVerdicts', { store: { handle: sandbox.handle, origin: sandbox.origin }, orderIds: seen.map((r) => r.id) });
      const verdicts = new Map((answer.value as { verdicts: Array<{ orderId: string; state: string }> }).verdicts.map((v) => [v.orderId, v.state]));
      for (const r of seen) {
        const want = verdicts.get(r.id);
        expect(r.badges, r.id).toEqual(want === 'relay' ? [`${r.id}:critical`] : want === 'protected' ? [`${r.id}:success`] : []);
      }
      return seen;
    };
    const before = sandbox.api.counters.graphqlRequests;
    await page.goto(`${sandbox.orderListUrl()}?lang=en`);
    await until(() => page.evaluate(() => document.querySelectorAll('pmg-list-badge').length), (n) => n > 10, 20_000, 'badges');
    expect(sandbox.api.counters.graphqlRequests - before).toBe(1);
    const first = await check();
    expect(first.find((r) => r.id === DEMO_ORDERS.amazon.legacyId)?.badges).toEqual([`${DEMO_ORDERS.amazon.legacyId}:critical`]);
    expect(first.find((r) => r.id === DEMO_ORDERS.neutralised.legacyId)?.badges).toEqual([`${DEMO_ORDERS.neutralised.legacyId}:success`]);
    const banner = await page.evaluate(() => (document.querySelector('pmg-list-banner') as HTMLElement | null)?.shadowRoot?.querySelector('.title')?.textContent ?? '');
    expect(banner).toContain('orders on this page still have a marketplace address');
    await ff.screenshot(page, 'firefox-orders-list');

    const firstIds = first.map((r) => r.id).join();
    await page.evaluate(() => (Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.includes('Next')) as HTMLButtonElement).click());
    await until(rows, (rs) => rs.map((r) => r.id).join() !== firstIds, 20_000, 'next page');
    await until(() => page.evaluate(() => performance.getEntriesByName('pmg:list:painted').length), (n) => n >= 2, 20_000, 'second screen painted');
    await check();
  });
});
