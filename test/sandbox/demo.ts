/**
 * `npm run demo` — try Proxy Mail Guard without a Shopify store.
 *
 * Builds the sandbox flavour of the extension, starts the fake Admin API and the admin-like pages
 * with a seeded demo store on 127.0.0.1, and opens Chromium with the extension loaded when a display
 * exists (DISPLAY set). Without a display it prints the URLs, the extension folder and what to click.
 * Serves until Ctrl-C.
 *
 *   npm run demo                  build, serve on port 4173 (or a free one), open Chromium if possible
 *   npm run demo -- --connect     also connect the opened browser to the demo store (skips the popup step)
 *   npm run demo -- --no-build    reuse .output/chrome-mv3-sandbox
 *   npm run demo -- --port 5000 --orders 200 --lang fr
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEMO_ORDERS, startSandbox, type Sandbox } from './server.ts';
import { SANDBOX_LANGS, isSandboxLang, type SandboxLang } from './app/i18n.ts';
import { CHROMIUM, SANDBOX_EXTENSION_DIR, connectStore, launchBrowser, type LaunchedBrowser } from '../e2e/harness.ts';

interface DemoArgs {
  build: boolean;
  connect: boolean;
  port: number;
  orders: number;
  lang: SandboxLang;
  open: boolean;
}

function parseArgs(argv: string[]): DemoArgs {
  const args: DemoArgs = { build: true, connect: false, port: 4173, orders: 60, lang: 'en', open: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value.`);
      return v;
    };
    if (arg === '--no-build') args.build = false;
    else if (arg === '--connect') args.connect = true;
    else if (arg === '--no-open') args.open = false;
    else if (arg === '--port') args.port = Number(value());
    else if (arg === '--orders') args.orders = Number(value());
    else if (arg === '--lang') {
      const lang = value();
      if (!isSandboxLang(lang)) throw new Error(`--lang must be one of ${SANDBOX_LANGS.join(', ')}.`);
      args.lang = lang;
    } else if (arg === '--help' || arg === '-h') {
      console.log('Usage: npm run demo -- [--connect] [--no-build] [--no-open] [--port N] [--orders N] [--lang en|fr|de|pl|cs|sv|da|fi|nb|pt-BR|pt-PT|ja|tr]');
      process.exit(0);
    } else throw new Error(`Unknown option ${arg} (try --help).`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error('--port must be a port number.');
  if (!Number.isInteger(args.orders) || args.orders < 0 || args.orders > 5000) throw new Error('--orders must be between 0 and 5000.');
  return args;
}

async function start(args: DemoArgs): Promise<Sandbox> {
  try {
    return await startSandbox({ port: args.port, orders: args.orders, minify: true, orderLatencyMs: 150 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.log(`Port ${args.port} is busy; using a free port instead.`);
    return startSandbox({ port: 0, orders: args.orders, minify: true, orderLatencyMs: 150 });
  }
}

function guide(sandbox: Sandbox, args: DemoArgs, browserOpened: boolean): string {
  const q = args.lang === 'en' ? undefined : { lang: args.lang };
  const line = (label: string, url: string) => `    ${label.padEnd(34)} ${url}`;
  return [
    '',
    'Proxy Mail Guard demo is running.',
    '',
    '  Sandbox admin (a Shopify-admin look-alike backed by a fake Admin API):',
    line('Orders', sandbox.orderListUrl()),
    line('Amazon order (warning + fixes)', sandbox.orderUrl(DEMO_ORDERS.amazon.legacyId, q)),
    line('eBay order', sandbox.orderUrl(DEMO_ORDERS.ebay.legacyId, q)),
    line('Etsy order (flagged by channel)', sandbox.orderUrl(DEMO_ORDERS.etsy.legacyId, q)),
    line('Already protected order', sandbox.orderUrl(DEMO_ORDERS.neutralised.legacyId, q)),
    line('Ordinary order (no card)', sandbox.orderUrl(DEMO_ORDERS.ordinary.legacyId, q)),
    line('Unknown page layout (inactive)', sandbox.orderUrl(DEMO_ORDERS.amazon.legacyId, { layout: 'unknown' })),
    line('Fulfil an Amazon order', sandbox.fulfilUrl(DEMO_ORDERS.amazon.legacyId, DEMO_ORDERS.amazon.fulfillmentOrderLegacyId)),
    '',
    `  Extension (unpacked, sandbox build): ${SANDBOX_EXTENSION_DIR}`,
    browserOpened
      ? '  Chromium is open with the extension loaded.'
      : '  Load it in Chromium/Chrome: chrome://extensions → Developer mode → "Load unpacked" → that folder.',
    '',
    '  What to try:',
    '   1. Open the Amazon order: the card says why the relay address is a risk; without a connection',
    '      it offers "Connect store".',
    args.connect && browserOpened
      ? '   2. This browser is already connected to the demo store (--connect).'
      : `   2. Connect: click "Connect store" (or the extension icon) and enter the store "${sandbox.handle}" with the Admin API access token:\n         ${sandbox.api.token}`,
    '   3. Reload the Amazon order: "Remove the email" is the configured fix; the other fixes sit beside it.',
    '      Click it, then "Undo". The fake API really changes the order (see the Customer card after a reload).',
    '   4. Switch the admin language (top bar) to Français or Deutsch: the card follows.',
    '   5. Open "Fulfil an Amazon order": the notify box is turned off and labelled.',
    `   Notifications the fake Shopify "sent": ${sandbox.origin}/__fake/outbox`,
    '',
    '  Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) {
    console.log('Building the sandbox flavour of the extension (wxt build --mode sandbox)…');
    execFileSync('npx', ['wxt', 'build', '--mode', 'sandbox'], { stdio: 'inherit' });
  } else if (!existsSync(`${SANDBOX_EXTENSION_DIR}/manifest.json`)) {
    throw new Error(`No sandbox build in ${SANDBOX_EXTENSION_DIR}: run without --no-build.`);
  }

  const sandbox = await start(args);
  let browser: LaunchedBrowser | null = null;
  const display = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (args.open && display && existsSync(CHROMIUM)) {
    browser = await launchBrowser({ headed: true, viewport: null, privateCopy: false });
    if (args.connect) await connectStore(browser, sandbox);
    const page = await browser.newPage();
    await page.goto(sandbox.orderUrl(DEMO_ORDERS.amazon.legacyId, args.lang === 'en' ? undefined : { lang: args.lang }));
  } else if (args.connect) {
    console.log('--connect needs a display (DISPLAY) so the demo can open its own Chromium; connect through the popup instead.');
  }
  console.log(guide(sandbox, args, browser !== null));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the demo…');
    await browser?.close();
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  browser?.context.on('close', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
