/**
 * What the content script did on each tab, so the popup can say it ("notify box turned off …",
 * "guard inactive on this page"). Kept in `storage.session` (survives the service worker being stopped,
 * gone when the browser closes) with an in-memory copy for speed; cleared when the tab closes.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { PageStatus } from '../../messages';
import { onMessage, type MessageSender } from '../../messaging';
import { fail, ok, type Result } from '../../result';

type Key = `session:pageStatus:${number}`;
const keyFor = (tabId: number): Key => `session:pageStatus:${tabId}`;
const memory = new Map<number, PageStatus>();

export async function reportPageStatus(status: PageStatus, sender: MessageSender): Promise<Result<void>> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return fail('no_tab', 'Page status can only be reported from a tab.');
  memory.set(tabId, status);
  await storage.setItem(keyFor(tabId), status);
  return ok(undefined);
}

export async function getPageStatus({ tabId }: { tabId: number }): Promise<Result<PageStatus | null>> {
  const cached = memory.get(tabId);
  if (cached) return ok(cached);
  const stored = (await storage.getItem<PageStatus>(keyFor(tabId))) ?? null;
  if (stored) memory.set(tabId, stored);
  return ok(stored);
}

export async function forgetTab(tabId: number): Promise<void> {
  memory.delete(tabId);
  await storage.removeItem(keyFor(tabId));
}

export function registerPageStatusHandlers(): void {
  memory.clear();
  onMessage('reportPageStatus', 'store-tab', reportPageStatus);
  onMessage('getPageStatus', 'extension', getPageStatus);
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
}
