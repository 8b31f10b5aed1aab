/**
 * Who may make a background call, decided from what the BROWSER says about the sender (never from the
 * message itself). Each ProtocolMap entry declares its callers as the type of its second parameter;
 * lib/messaging.ts refuses every call whose sender does not fit, and a call that declares nothing
 * cannot be registered at all. Pure: the extension's base URL and the build flavour are passed in.
 *
 * - `extension`: our own pages only (popup, dashboard, the background itself). Connecting, reading
 *   status, every bulk and audit call: a content script runs inside a page we do not control, so it
 *   must never reach these.
 * - `store-tab`: our content script on the admin of the store named in `data.store` (handle and, in
 *   sandbox builds, origin must equal the store parsed from the sender's URL), or our own pages.
 *   A script in one store's tab cannot read or change another store.
 * - `admin-tab`: our content script on any admin page, or our own pages (calls that carry no store).
 */
import { parseAdminUrl } from './admin-url';
import type { StoreRef } from './store-ref';

export type Caller = 'extension' | 'store-tab' | 'admin-tab';
export const CALLERS: readonly Caller[] = ['extension', 'store-tab', 'admin-tab'];

/** The parts of `runtime.MessageSender` the decision uses (set by the browser, not by the page). */
export interface SenderFacts {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export interface CallerEnv {
  /** This extension's id and `runtime.getURL('/')`, e.g. `chrome-extension://<id>/`. */
  extensionId: string;
  extensionBase: string;
  /** Sandbox builds: the fake admin on a loopback origin counts as an admin page. */
  sandbox: boolean;
}

export type CallerVerdict = { ok: true } | { ok: false; reason: string };

const refuse = (reason: string): CallerVerdict => ({ ok: false, reason });

export function isExtensionPage(sender: SenderFacts, env: CallerEnv): boolean {
  return sender.id === env.extensionId && typeof sender.url === 'string' && env.extensionBase.endsWith('/') && sender.url.startsWith(env.extensionBase);
}

/** The store of the admin page a content script sent from, or null when it is not one. */
export function senderStore(sender: SenderFacts, env: CallerEnv): StoreRef | null {
  if (sender.id !== env.extensionId || !sender.tab) return null;
  const url = sender.url ?? sender.tab.url;
  if (!url) return null;
  return parseAdminUrl(url, { allowLoopback: env.sandbox }).store;
}

function storeOf(data: unknown): StoreRef | null {
  if (typeof data !== 'object' || data === null) return null;
  const store = (data as { store?: unknown }).store;
  if (typeof store !== 'object' || store === null) return null;
  const { handle, origin } = store as { handle?: unknown; origin?: unknown };
  if (typeof handle !== 'string' || (origin !== undefined && typeof origin !== 'string')) return null;
  return origin === undefined ? { handle } : { handle, origin };
}

/** May this sender make a call declared for `from`, with this data? Unknown declarations are refused. */
export function checkCaller(from: unknown, sender: SenderFacts, data: unknown, env: CallerEnv): CallerVerdict {
  if (!CALLERS.includes(from as Caller)) return refuse('the call declares no callers');
  if (isExtensionPage(sender, env)) return { ok: true };
  if (from === 'extension') return refuse('only the extension’s own pages may make this call');
  const tabStore = senderStore(sender, env);
  if (!tabStore) return refuse('the sender is not a Shopify admin page');
  if (from === 'admin-tab') return { ok: true };
  const asked = storeOf(data);
  if (!asked) return refuse('the call names no store');
  if (asked.handle !== tabStore.handle || (asked.origin ?? null) !== (tabStore.origin ?? null)) {
    return refuse('a tab may only ask about the store it shows');
  }
  return { ok: true };
}
