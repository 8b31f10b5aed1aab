/**
 * An order page that renders once and then stays still: a saved admin order page
 * (test/fixtures/admin/order-page.<lang>.html) served as static HTML on 127.0.0.1, where the sandbox
 * build's content script runs. The store is never connected, so the card works in page mode.
 *
 * A small inline script (first in <head>, before anything else) records in `window.__staticPage`:
 *   - `mutations`: DOM changes outside our card once the document has loaded (0 = the page stayed still);
 *   - `cardAt`: performance.now() when the warning card became visible;
 *   - `readyAt`: performance.now() when the parser had put the title and contact email on the page
 *     (DOMContentLoaded: the page is static, so they are in the HTML).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

export const STATIC_ORDER_ID = '5550001';
const HANDLE = 'static-store';

const RECORDER = `<script>(() => {
  const s = (window.__staticPage = { mutations: 0, cardAt: null, readyAt: null });
  document.addEventListener('DOMContentLoaded', () => { s.readyAt = performance.now(); });
  const inCard = (n) => { for (let e = n; e; e = e.parentNode || e.host) if (e.nodeName === 'PMG-ORDER-CARD') return true; return false; };
  const seeCard = () => {
    const card = document.querySelector('pmg-order-card');
    if (s.cardAt === null && card && card.dataset.state === 'warning' && card.checkVisibility()) s.cardAt = performance.now();
  };
  new MutationObserver((records) => {
    for (const r of records) {
      const nodes = r.type === 'childList' ? [...r.addedNodes, ...r.removedNodes] : [r.target];
      if (s.readyAt !== null && !nodes.every(inCard)) s.mutations++;
    }
    seeCard();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();</script>`;

export interface StaticOrderPage {
  /** The order page's URL (http://127.0.0.1:PORT/store/static-store/orders/5550001). */
  url: string;
  close(): Promise<void>;
}

export async function startStaticOrderPage(lang = 'en'): Promise<StaticOrderPage> {
  const fixture = readFileSync(resolve(process.cwd(), `test/fixtures/admin/order-page.${lang}.html`), 'utf8');
  const html = fixture.replace(/<head>/i, `<head>${RECORDER}`);
  const server = createServer((req, res) => {
    if (req.url?.startsWith(`/store/${HANDLE}/orders/${STATIC_ORDER_ID}`)) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/store/${HANDLE}/orders/${STATIC_ORDER_ID}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** What the recorder saw (see above). */
export interface StaticPageRecord {
  mutations: number;
  cardAt: number | null;
  readyAt: number | null;
}
