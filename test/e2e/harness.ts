/**
 * Real-browser harness shared by every e2e test: Debian's /usr/bin/chromium driven by playwright-core,
 * with the sandbox build of the extension loaded (never a downloaded browser).
 *
 *   const browser = await launchBrowser();            // extension loaded
 *   const control = await launchBrowser({ extension: false }); // same browser, no extension
 *   await connectStore(browser.serviceWorker, sandbox); // credentials stored as the popup does
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const SANDBOX_EXTENSION_DIR = resolve(process.cwd(), '.output/chrome-mv3-sandbox');
export const SCREENSHOT_DIR = resolve(process.cwd(), 'test-results/screenshots');

export interface LaunchOptions {
  /** Load the sandbox build of the extension (default true). false = control run without it. */
  extension?: boolean;
  /** Extension directory (default .output/chrome-mv3-sandbox). */
  extensionDir?: string;
  /** Headed window (only useful for `npm run demo` with a display). */
  headed?: boolean;
  viewport?: { width: number; height: number } | null;
  /** Browser UI language (Chromium --lang); the admin's language is the page's, not this. */
  lang?: string;
  /**
   * Load a private copy of the extension (default true): several people may rebuild .output/ while a
   * browser test runs on this machine; a copy taken from a complete build cannot change under the test.
   */
  privateCopy?: boolean;
  /** More Chromium switches (e.g. browser-prompt.ts's, to answer Chromium's own dialogs). */
  args?: string[];
}

/** Waits for a complete build (the manifest is written last), then copies it to a temporary folder. */
async function privateExtensionCopy(dir: string): Promise<string> {
  const complete = () => ['manifest.json', 'background.js', 'content-scripts/admin.js', 'popup.html'].every((f) => existsSync(join(dir, f)));
  for (let i = 0; i < 240 && !complete(); i++) await new Promise((r) => setTimeout(r, 500));
  if (!complete()) throw new Error(`No complete extension build in ${dir}: run \`npm run build:sandbox\` first.`);
  const target = await mkdtemp(join(tmpdir(), 'pmg-extension-'));
  await cp(dir, target, { recursive: true });
  return target;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** null when launched with { extension: false }. */
  extensionId: string | null;
  serviceWorker: Worker | null;
  /** The browser's profile folder (Chromium writes files such as UIDevToolsActivePort there). */
  profileDir: string;
  newPage(): Promise<Page>;
  /** Saves test-results/screenshots/<name>.png and returns its path. */
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export function chromiumArgs(extensionDir: string | null, headed = false): string[] {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ];
  if (!headed) args.unshift('--headless=new');
  if (extensionDir) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  return args;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Browser tests need Debian chromium at ${CHROMIUM}.`);
  const withExtension = options.extension !== false;
  const builtDir = withExtension ? resolve(options.extensionDir ?? SANDBOX_EXTENSION_DIR) : null;
  const copied = builtDir && options.privateCopy !== false ? await privateExtensionCopy(builtDir) : null;
  const extensionDir = copied ?? builtDir;
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:sandbox\` first.`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'pmg-chromium-'));
  const args = chromiumArgs(extensionDir, options.headed);
  if (options.lang) args.push(`--lang=${options.lang}`);
  if (options.args) args.push(...options.args);
  // headless: false + --headless=new is the documented way to run extensions headless in Chromium.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    args,
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
  });

  let serviceWorker: Worker | null = null;
  let extensionId: string | null = null;
  if (withExtension) {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(serviceWorker.url()).host;
  }

  const launched: LaunchedBrowser = {
    context,
    extensionId,
    serviceWorker,
    profileDir: profile,
    async newPage() {
      const page = await context.newPage();
      return page;
    },
    async screenshot(page, name, opts) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path, fullPage: opts?.fullPage ?? false });
      return path;
    },
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true }).catch(() => {});
      if (copied) await rm(copied, { recursive: true, force: true }).catch(() => {});
    },
  };
  if (serviceWorker) browsers.set(serviceWorker, launched);
  return launched;
}

/** What connectStore needs from a sandbox (or from startFakeAdminApi directly). */
export interface ConnectableStore {
  origin: string;
  handle: string;
  token: string;
}

/** Service worker → the browser it belongs to, so helpers accept either (the PLAN's signature takes the worker). */
const browsers = new WeakMap<Worker, LaunchedBrowser>();

function resolveBrowser(target: LaunchedBrowser | Worker): LaunchedBrowser {
  if ('context' in target) return target;
  const found = browsers.get(target);
  if (!found) throw new Error('This service worker does not belong to a browser started by launchBrowser().');
  return found;
}

/** lib/messaging.ts envelope marker: messages without it are ignored by our background. */
const MESSAGE_TAG = 'pmg/1';

/**
 * Sends one ProtocolMap message to the background from an extension page, exactly as the popup does
 * (a service worker cannot message itself). Returns the handler's Result.
 */
export async function sendExtensionMessage(browser: LaunchedBrowser, name: string, data: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  if (!browser.extensionId) throw new Error('sendExtensionMessage needs a browser launched with the extension.');
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    return await page.evaluate(
      ([tag, n, d]) => (globalThis as any).chrome.runtime.sendMessage({ tag, name: n, data: d }),
      [MESSAGE_TAG, name, data] as const,
    );
  } finally {
    await page.close();
  }
}

/**
 * Connects the sandbox store with its valid full-scope token through the background's `connect`
 * call — the popup's own path: the token is tested against the fake API, then saved.
 */
export async function connectStore(
  target: LaunchedBrowser | Worker,
  store: ConnectableStore | { origin: string; handle: string; api: { token: string } },
): Promise<void> {
  const browser = resolveBrowser(target);
  const token = 'token' in store ? store.token : store.api.token;
  const result = await sendExtensionMessage(browser, 'connect', {
    store: { handle: store.handle, origin: store.origin },
    credentials: { kind: 'admin-token', token },
  });
  if (!result.ok) throw new Error(`connectStore failed: ${result.error?.code} ${result.error?.message}`);
}

/** Forgets the store's credentials through the background's `disconnect` call (the "no token" scenarios). */
export async function disconnectStore(target: LaunchedBrowser | Worker, handle: string): Promise<void> {
  const browser = resolveBrowser(target);
  const result = await sendExtensionMessage(browser, 'disconnect', { store: { handle } });
  if (!result.ok) throw new Error(`disconnectStore failed: ${result.error?.code} ${result.error?.message}`);
}
