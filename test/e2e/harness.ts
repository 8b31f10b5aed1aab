/**
 * Real-browser harness shared by every e2e test: Debian's /usr/bin/chromium driven by playwright-core,
 * with the sandbox build of the extension loaded (never a downloaded browser).
 *
 *   const browser = await launchBrowser();            // extension loaded
 *   const control = await launchBrowser({ extension: false }); // same browser, no extension
 *   await connectStore(browser.serviceWorker, sandbox); // credentials stored as the popup does
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
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
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** null when launched with { extension: false }. */
  extensionId: string | null;
  serviceWorker: Worker | null;
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
  const extensionDir = withExtension ? resolve(options.extensionDir ?? SANDBOX_EXTENSION_DIR) : null;
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:sandbox\` first.`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'pmg-chromium-'));
  const args = chromiumArgs(extensionDir, options.headed);
  if (options.lang) args.push(`--lang=${options.lang}`);
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

  return {
    context,
    extensionId,
    serviceWorker,
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
    },
  };
}

/** What connectStore needs from a sandbox (or from startFakeAdminApi directly). */
export interface ConnectableStore {
  origin: string;
  handle: string;
  token: string;
}

/**
 * Stores valid credentials for the sandbox store in the extension's storage.local, in the same shape
 * lib/platform/credentials.ts writes when the merchant connects through the popup. Kept in one place
 * so a change of that shape is fixed here once.
 */
export async function connectStore(
  serviceWorker: Worker,
  store: ConnectableStore | { origin: string; handle: string; api: { token: string } },
): Promise<void> {
  const token = 'token' in store ? store.token : store.api.token;
  // Same shape as lib/platform/credentials.ts `StoredCredentials` (WXT's `local:` prefix = storage.local).
  const key = `credentials:${store.handle}`;
  const value = {
    credentials: { kind: 'admin-token', token },
    origin: store.origin,
    savedAt: new Date().toISOString(),
  };
  await serviceWorker.evaluate(
    async ([k, v]) => {
      // chrome is the service worker's global; the polyfill is bundled inside the extension, not here.
      await (globalThis as any).chrome.storage.local.set({ [k as string]: v });
    },
    [key, value] as const,
  );
}

/** Removes stored credentials (the "no token" scenarios). */
export async function disconnectStore(serviceWorker: Worker, handle: string): Promise<void> {
  await serviceWorker.evaluate(async (k) => {
    await (globalThis as any).chrome.storage.local.remove(k);
  }, `credentials:${handle}`);
}
