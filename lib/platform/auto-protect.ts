/**
 * The automatic protection in the browser: a one-minute alarm (`alarms` permission) wakes the
 * background, which checks every connected store that has it switched on (lib/auto-protect/sweep.ts),
 * keeps each store's sweep state in storage.local (this browser's own; settings sync, state does
 * not), and paints the toolbar badge. It runs while the browser is open: a closed browser checks
 * nothing, and the first check after it opens catches up on everything updated meanwhile.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { classifierFromSettings, settledByScalars } from '../bulk/classify';
import { loadLocale, translator, resolveLocale, t as translate } from './i18n';
import type { AppError } from '../result';
import { readSweepState, type SweepState } from '../auto-protect/state';
import { runSweep, sweepUnavailable, type SweepReport } from '../auto-protect/sweep';
import { shopifySweepApi } from '../auto-protect/shopify-port';
import { statusOf, toolbarBadge, type AutoProtectStatus } from '../auto-protect/status';
import { ApiFailure } from '../shopify/errors';
import { auditLogInstance, clientFor } from './api';
import { getCredentials } from './credentials';
import { getStoreSettings, listConfiguredStores } from './settings-storage';

export const ALARM = 'auto-protect';

type StateKey = `local:autoProtect:${string}`;
const stateKey = (handle: string): StateKey => `local:autoProtect:${handle}`;
const OWNER_KEY = 'local:autoProtectOwner' as const;

export async function loadSweepState(handle: string): Promise<SweepState | null> {
  const value = await storage.getItem<unknown>(stateKey(handle));
  return value ? readSweepState(value) : null;
}

async function saveSweepState(handle: string, state: SweepState): Promise<void> {
  await storage.setItem(stateKey(handle), state);
}

/** This browser's name in the store's lease (random, kept). */
async function ownerId(): Promise<string> {
  const existing = await storage.getItem<string>(OWNER_KEY);
  if (existing) return existing;
  const id = crypto.randomUUID();
  await storage.setItem(OWNER_KEY, id);
  return id;
}

const running = new Map<string, Promise<SweepReport | null>>();

/** One check of one store now (a check already running for it is joined, never doubled). */
export function checkStore(handle: string): Promise<SweepReport | null> {
  const current = running.get(handle);
  if (current) return current;
  const run = checkStoreNow(handle).finally(() => running.delete(handle));
  running.set(handle, run);
  return run;
}

async function checkStoreNow(handle: string): Promise<SweepReport | null> {
  const settings = await getStoreSettings(handle);
  if (!settings.autoProtect || !settings.autoProtectSince) return null;
  const previous = (await loadSweepState(handle)) ?? readSweepState(null);
  const ctx = {
    classify: classifierFromSettings(settings),
    settled: (order: { email: string | null; sourceName: string | null; tags: string[] }) => settledByScalars(order, settings),
    since: settings.autoProtectSince,
    settingsPrint: JSON.stringify(settings),
    owner: await ownerId(),
    now: () => new Date(),
    save: (state: SweepState) => saveSweepState(handle, state),
  };
  let api;
  try {
    if (!(await getCredentials(handle))) throw new ApiFailure('not_connected', 'This store is not connected yet. Open the extension and connect it.', { store: handle });
    api = shopifySweepApi({ client: await clientFor({ handle }), audit: await auditLogInstance(), settings });
  } catch (error) {
    // No client, no check: the sweep still records why, so the popup and the badge say it.
    const failure = error instanceof ApiFailure ? error.toAppError() : { code: 'internal_error', message: String(error) };
    const state = await sweepUnavailable(previous, failure, ctx);
    return { phase: state.phase, listed: 0, read: 0, settled: 0, fixed: 0, failed: 0 };
  }
  const { report } = await runSweep(previous, { ...ctx, api });
  return report;
}

/** Every store with automatic protection on, one after the other; then the badge. */
export async function checkAllStores(): Promise<void> {
  for (const handle of await listConfiguredStores()) {
    try {
      await checkStore(handle);
    } catch {
      // One store's failure must not stop the others (it is recorded in its state when it can be).
    }
  }
  await paintBadge();
}

export async function storeStatus(handle: string, now = new Date()): Promise<AutoProtectStatus> {
  const settings = await getStoreSettings(handle);
  return statusOf(handle, settings.autoProtect, settings.autoProtectSince, await loadSweepState(handle), now);
}

async function uiTranslate() {
  let locale = 'en';
  try {
    locale = browser.i18n.getUILanguage();
  } catch {
    // not available (tests): English
  }
  const resolved = resolveLocale(locale);
  await loadLocale(resolved);
  return translator(resolved);
}

/** Same wording as the popup's errors: `err_<code>` in the locale, else the English sentence. */
export function errorSentence(tr: ReturnType<typeof translator>) {
  return (error: AppError) => {
    const text = tr(`err_${error.code}`, error.params);
    return text === `err_${error.code}` ? error.message : text;
  };
}

export async function paintBadge(): Promise<void> {
  const tr = await uiTranslate();
  const statuses = await Promise.all((await listConfiguredStores()).map((handle) => storeStatus(handle)));
  const badge = toolbarBadge(statuses, tr, translate('en', 'extName') === 'extName' ? 'Proxy Mail Guard' : tr('extName'), errorSentence(tr));
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  await action.setBadgeText({ text: badge.text });
  await action.setBadgeBackgroundColor({ color: badge.color });
  await action.setTitle({ title: badge.title });
}

/** Background start-up: the alarm (created once, kept across restarts), its listener, settings changes. */
export function startAutoProtect(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void checkAllStores();
  });
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM, { periodInMinutes: 1, delayInMinutes: 1 });
  });
  // Switched on (here or on another of the merchant's browsers): check at once, then every minute.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync') return;
    if (Object.keys(changes).some((key) => key.startsWith('settings:'))) void checkAllStores();
  });
  void paintBadge();
}
