/**
 * `npm run bench:worker` — how long the background's service worker takes to wake: Chromium (the
 * e2e harness) with a built extension; each round stops the worker (DevTools' ServiceWorker domain),
 * then an extension page sends it a message (`getPageStatus`) and times the answer — start-up (parsing
 * and running background.js, registering the handlers) plus one handled message, as when the
 * one-minute alarm or a page wakes it. Prints ONE JSON line:
 *   {"extension","backgroundBytes","rounds","p50Ms","p90Ms","minMs"}
 * Env: BENCH_EXTENSION_DIR (default .output/chrome-mv3, `npm run build`), BENCH_ROUNDS (default 20).
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../e2e/harness';

const DIR = resolve(process.env.BENCH_EXTENSION_DIR ?? '.output/chrome-mv3');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

const browser = await launchBrowser({ extensionDir: DIR });
try {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/privacy.html`);
  const cdp = await browser.context.newCDPSession(page);
  const running = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) running.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  // Stops the worker and waits until DevTools reports it stopped (asking again now and then: a stop
  // sent while the worker is still starting up can be dropped).
  const stop = async () => {
    const deadline = Date.now() + 20_000;
    for (let asked = 0; ; asked++) {
      if (asked % 100 === 0) await cdp.send('ServiceWorker.stopAllWorkers');
      if (running.size > 0 && [...running.values()].every((s) => s === 'stopped')) return;
      if (Date.now() > deadline) throw new Error(`service worker did not stop: ${JSON.stringify([...running])}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const times: number[] = [];
  let lost = 0;
  for (let round = 0; round < ROUNDS + 2; round++) {
    await stop();
    await new Promise((r) => setTimeout(r, 200));
    const { ms, answer } = await page.evaluate(async () => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      const t0 = performance.now();
      const answer = await runtime.sendMessage({ tag: 'pmg/1', name: 'getPageStatus', data: { tabId: 1 } }).catch((error: unknown) => ({ refused: String(error) }));
      return { ms: performance.now() - t0, answer };
    });
    // Chromium now and then answers a message sent just after a stop with "Receiving end does not
    // exist" (the worker was not restarted for it): that round measured nothing, so it is run again.
    if ((answer as { refused?: string }).refused?.includes('Receiving end does not exist')) {
      if (++lost > 10) throw new Error('the woken worker kept missing the message');
      round--;
      continue;
    }
    if (typeof (answer as { ok?: unknown } | undefined)?.ok !== 'boolean') throw new Error(`no answer from the woken worker: ${JSON.stringify(answer)}`);
    if (round >= 2) times.push(ms); // the first wakes warm the browser's caches
  }
  times.sort((a, b) => a - b);
  const round1 = (n: number) => Math.round(n * 10) / 10;
  console.log(
    JSON.stringify({
      extension: DIR,
      backgroundBytes: statSync(join(DIR, 'background.js')).size,
      rounds: times.length,
      p50Ms: round1(percentile(times, 50)),
      p90Ms: round1(percentile(times, 90)),
      minMs: round1(times[0]!),
    }),
  );
} finally {
  await browser.close();
}
