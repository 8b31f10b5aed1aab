/**
 * Firefox harness: Debian's /usr/bin/firefox-esr driven over WebDriver BiDi by puppeteer-core, with the
 * Firefox sandbox build (`wxt build -b firefox --mode sandbox`) installed as a temporary add-on through
 * BiDi's `webExtension.install` (puppeteer's `browser.installExtension`). Never a downloaded browser.
 *
 *   const ff = await launchFirefox();                 // extension installed, moz-extension://<uuid>/ known
 *   const page = await ff.newPage();
 *   await ff.extensionPage('popup.html#connect?store=demo-store');
 *
 * Two Firefox details this file exists for:
 *  - An add-on's pages live at moz-extension://<internal UUID>/, a random UUID per profile. The
 *    profile pref `extensions.webextensions.uuids` (the add-on id → UUID map Firefox itself keeps)
 *    is written before the install, so the UUID is known; tests still check it against
 *    `runtime.getURL('')` from inside the extension.
 *  - BiDi refuses to navigate a tab to a moz-extension:// address ("Navigation to … is not allowed in
 *    this context") unless Firefox was started with `--remote-allow-system-access`.
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { SCREENSHOT_DIR } from './harness';

export const FIREFOX = '/usr/bin/firefox-esr';
export const FIREFOX_SANDBOX_DIR = resolve(process.cwd(), '.output/firefox-mv3-sandbox');
export const GECKO_ID = 'proxy-mail-guard@proxymailguard.app';
/** Our add-on's internal UUID in every test profile (any v4 UUID would do). */
export const EXTENSION_UUID = '6f0c1a52-3b7e-4d2a-9c1f-8e4b5d7a2c90';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxOptions {
  /** Install the extension (default true); false = the control run, same browser without it. */
  extension?: boolean;
  extensionDir?: string;
  /** Browser UI language, e.g. 'fr' (the popup follows it). */
  lang?: string;
}

export interface LaunchedFirefox {
  browser: Browser;
  /** The gecko id `installExtension` answered (null without the extension). */
  addonId: string | null;
  newPage(): Promise<Page>;
  /** Opens an extension page (path relative to the extension root) in a new tab. */
  extensionPage(path: string): Promise<Page>;
  /** Waits for a tab whose URL starts with `prefix` (e.g. one the extension opened itself). */
  waitForTab(prefix: string, timeoutMs?: number): Promise<Page>;
  /** Saves test-results/screenshots/<name>.png and returns its path. */
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<string>;
  /** Sends one ProtocolMap message from an extension page, exactly as the popup does. */
  send(name: string, data: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  close(): Promise<void>;
}

async function privateCopy(dir: string): Promise<string> {
  const complete = () => ['manifest.json', 'background.js', 'content-scripts/admin.js', 'popup.html'].every((f) => existsSync(join(dir, f)));
  for (let i = 0; i < 240 && !complete(); i++) await new Promise((r) => setTimeout(r, 500));
  if (!complete()) throw new Error(`No complete Firefox build in ${dir}: run \`npx wxt build -b firefox --mode sandbox\` first.`);
  const target = await mkdtemp(join(tmpdir(), 'pmg-firefox-ext-'));
  await cp(dir, target, { recursive: true });
  return target;
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<LaunchedFirefox> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox tests need Debian firefox-esr at ${FIREFOX} (apt-get install firefox-esr).`);
  const withExtension = options.extension !== false;
  const copy = withExtension ? await privateCopy(resolve(options.extensionDir ?? FIREFOX_SANDBOX_DIR)) : null;
  const profile = await mkdtemp(join(tmpdir(), 'pmg-firefox-'));
  const prefs: Record<string, unknown> = {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    // Quiet, offline-friendly profile.
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'app.update.enabled': false,
  };
  if (options.lang) {
    prefs['intl.locale.requested'] = options.lang;
    prefs['intl.accept_languages'] = `${options.lang}, en`;
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefs,
    defaultViewport: { width: 1280, height: 900 },
    protocolTimeout: 60_000,
  });
  const addonId = copy ? await browser.installExtension(copy) : null;

  const launched: LaunchedFirefox = {
    browser,
    addonId,
    newPage: () => browser.newPage(),
    async extensionPage(path) {
      const page = await browser.newPage();
      await navigateToExtension(page, `${EXTENSION_ORIGIN}/${path}`);
      await page.bringToFront().catch(() => {});
      return page;
    },
    async waitForTab(prefix, timeoutMs = 15_000) {
      const found = await until(
        async () => {
          for (const page of await browser.pages()) if ((await hrefOf(page).catch(() => '')).startsWith(prefix)) return page;
          return null;
        },
        (page) => page !== null,
        timeoutMs,
        `a tab at ${prefix}`,
      );
      await found!.bringToFront().catch(() => {});
      return found!;
    },
    async screenshot(page, name, opts) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path: path as `${string}.png`, fullPage: opts?.fullPage ?? false });
      return path;
    },
    async send(name, data) {
      const page = await launched.extensionPage('popup.html');
      try {
        return await page.evaluate(
          (n, d) => (globalThis as any).browser.runtime.sendMessage({ tag: 'pmg/1', name: n, data: d }),
          name,
          data as any,
        );
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close().catch(() => {});
      await rm(profile, { recursive: true, force: true }).catch(() => {});
      if (copy) await rm(copy, { recursive: true, force: true }).catch(() => {});
    },
  };
  return launched;
}

// ── DOM helpers ──────────────────────────────────────────────────────────────────────────────────
// Firefox moves a tab that opens a moz-extension:// page into the extension process; puppeteer then
// loses the tab's frame (its url() stays about:blank, waitForFunction/waitForSelector never settle)
// while evaluate, element handles, input and screenshots keep working. So every wait here is a poll
// of plain evaluate calls, and tabs are told apart by their location read from inside.

/** Polls `read` until it returns something that satisfies `ok` (or throws after `timeoutMs`). */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read().catch(() => undefined as T);
    if (last !== undefined && ok(last)) return last;
    if (Date.now() > end) throw new Error(`${what} not reached within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The page's location as the page itself knows it. */
export const hrefOf = (page: Page) => page.evaluate(() => location.href);

async function navigateToExtension(page: Page, url: string): Promise<void> {
  // The goto promise never settles cleanly for moz-extension:// (see above): start it, then watch.
  page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 }).catch(() => {});
  await until(() => page.evaluate(() => `${location.href}|${document.readyState}`), (v) => v === `${url}|complete`, 30_000, `extension page ${url}`);
}

type Finder = 'text' | 'label' | 'selector';

/** Resolves to the first element matching, searched in the document and every open shadow root. */
async function findElement(page: Page, kind: Finder, wanted: string, selector: string, timeoutMs: number): Promise<ElementHandle<Element>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const handle = await page
      .evaluateHandle(
        (k, w, sel) => {
          const roots: Array<Document | ShadowRoot> = [document];
          for (let i = 0; i < roots.length; i++) {
            for (const el of Array.from(roots[i]!.querySelectorAll('*'))) if (el.shadowRoot) roots.push(el.shadowRoot);
          }
          const all = (s: string) => roots.flatMap((r) => Array.from(r.querySelectorAll<HTMLElement>(s)));
          /** Text including open shadow roots (the admin's web components render labels there). */
          const deepText = (node: Node): string => {
            if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
            const el = node as Element;
            const kids = el.shadowRoot ? Array.from(el.shadowRoot.childNodes) : Array.from(node.childNodes);
            return kids.filter((n) => (n as Element).tagName !== 'STYLE').map(deepText).join(' ');
          };
          const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
          if (k === 'selector') {
            // "host >>> inner": inner inside host's (open) shadow root.
            const [host, ...inner] = sel.split('>>>').map((x) => x.trim());
            if (!inner.length) return all(host!)[0] ?? null;
            for (const h of all(host!)) {
              const found = h.shadowRoot?.querySelector<HTMLElement>(inner.join(' '));
              if (found) return found;
            }
            return null;
          }
          if (k === 'text') return all(sel).find((el) => norm(el.innerText || deepText(el)) === w) ?? null;
          // label: aria-label, aria-labelledby, <label for>, or a wrapping <label> (our guard's own
          // note may sit inside that label, hence "starts with").
          for (const control of all('input, select, textarea')) {
            const names = [control.getAttribute('aria-label') ?? ''];
            const by = control.getAttribute('aria-labelledby');
            if (by) names.push(by.split(' ').map((id) => deepText(document.getElementById(id) ?? document.createElement('i'))).join(' '));
            if (control.id) for (const l of all(`label[for="${CSS.escape(control.id)}"]`)) names.push(deepText(l));
            const wrap = control.closest('label');
            if (wrap) names.push(deepText(wrap));
            if (names.some((n) => norm(n) === w || norm(n).startsWith(`${w} `))) return control;
          }
          return null;
        },
        kind,
        wanted,
        selector,
      )
      .catch(() => null);
    const element = handle?.asElement();
    if (element) return element as ElementHandle<Element>;
    await handle?.dispose().catch(() => {});
    if (Date.now() > end) throw new Error(`No element with ${kind} "${wanted}"${kind === 'text' ? ` (${selector})` : ''} within ${timeoutMs} ms on ${await hrefOf(page).catch(() => '?')}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The button (or tab, link, menu item…) whose visible text is exactly `text`. */
export const byText = (page: Page, text: string, selector = 'button, [role="button"], [role="tab"], [role="menuitem"], a', timeoutMs = 20_000) =>
  findElement(page, 'text', text, selector, timeoutMs);
/** The form control named `label`. */
export const byLabel = (page: Page, label: string, timeoutMs = 20_000) => findElement(page, 'label', label, '', timeoutMs);
/** The first element matching a CSS selector (document or open shadow roots; `host >>> inner` looks inside host's shadow root). */
export const bySelector = (page: Page, selector: string, timeoutMs = 20_000) => findElement(page, 'selector', '', selector, timeoutMs);

/** Replaces a text field's value by typing, so the page's own input events fire. */
export async function typeInto(field: ElementHandle<Element>, value: string): Promise<void> {
  await field.evaluate((el) => {
    (el as HTMLInputElement).focus();
    (el as HTMLInputElement).select();
  });
  await field.press('Backspace');
  await field.type(value);
}
