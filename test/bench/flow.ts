/**
 * npm run bench:flow — the Shopify Flow code's size and its run time per order (Flow runs it once per
 * order). Runs the generated code in the same bare vm sandbox as the fake Flow, one fresh context per
 * order, over 2,000 orders (60 % relay addresses of ten marketplaces, Etsy by channel, ordinary).
 * Prints one JSON line per store setting.
 */
import { gzipSync } from 'node:zlib';
import { buildFlowWorkflow } from '../../lib/flow';
import { defaultSettings, type StoreSettings } from '../../lib/settings';
import { compileRunCode } from '../fake-admin-api/flow-sandbox.ts';

const DOMAINS = ['marketplace.amazon.com', 'marketplace.amazon.de', 'members.ebay.co.uk', 'relay.walmart.com', 'notification.mirakl.net', 'kaufland-marktplatz.de', 'allegromail.pl', 'scs.tiktokw.us', 'us.shipping.temuemail.com', 'verkopen.bol.com'];
const ORDERS = Array.from({ length: 2_000 }, (_, i) => {
  const local = `b${(i * 2654435761) % 4294967296}x${i}`;
  const email = i % 10 < 6 ? `${local}@${DOMAINS[i % DOMAINS.length]}` : `${local}@example.org`;
  return { order: { id: `gid://shopify/Order/${i}`, email, sourceName: i % 10 === 6 ? 'etsy' : 'web', sourceIdentifier: `ORD-${i}`, tags: ['Imported'], app: { name: 'Connector' }, channelInformation: null } };
});

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
const STORES: [string, StoreSettings][] = [
  ['strip', defaultSettings()],
  ['domain+overrides', { ...defaultSettings(), defaultStrategy: 'domain', domain: 'mystore.com', fixedEmail: 'orders@mystore.com', overrides: { ebay: 'prefix', walmart: 'fixed', etsy: 'keep' }, extraDomains: ['relay.walmart.ca'] }],
];

for (const [name, settings] of STORES) {
  const { code } = buildFlowWorkflow(settings);
  const run = compileRunCode(code);
  for (const input of ORDERS.slice(0, 200)) run.run(input); // warm-up, as a long-lived engine would be
  const main: number[] = [];
  const whole: number[] = [];
  for (const input of ORDERS) {
    const started = performance.now();
    main.push(run.run(input).ms);
    whole.push(performance.now() - started);
  }
  main.sort((a, b) => a - b);
  whole.sort((a, b) => a - b);
  console.log(JSON.stringify({
    settings: name,
    codeBytes: Buffer.byteLength(code),
    codeGzipBytes: gzipSync(code).length,
    orders: ORDERS.length,
    mainMsMedian: +quantile(main, 0.5).toFixed(3),
    mainMsP95: +quantile(main, 0.95).toFixed(3),
    freshContextMsMedian: +quantile(whole, 0.5).toFixed(3),
    freshContextMsP95: +quantile(whole, 0.95).toFixed(3),
  }));
}
