/**
 * Loads the order list's feature script into the tab that asks for it. The content script cannot
 * import it itself without making it web-accessible, and a web-accessible file lets any admin page
 * script fetch it and so detect the extension (issue 11: no web-accessible resources). Injected by the
 * background, the file runs in the content script's isolated world, where it leaves its entry point
 * (entrypoints/orders-list.ts); the page never sees it and cannot load it.
 */
import { browser } from 'wxt/browser';
import { fail, ok, type Result } from '../../result';
import type { MessageSender } from '../../messaging';
import { redactSecrets } from '../../redact';

/** The built file of entrypoints/orders-list.ts (an unlisted script: not in the manifest, not web-accessible). */
const LIST_SCRIPT_FILE = '/orders-list.js';

export async function loadOrdersListScript(_data: unknown, sender: MessageSender): Promise<Result<void>> {
  const tabId = sender.tab?.id;
  // Our own pages may send store-tab calls too, but have no admin page to put the list into.
  if (tabId === undefined) return fail('no_tab', 'The order list script can only be loaded into an admin tab.');
  try {
    // Only the asking frame (the admin's own document), never every frame of the tab.
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [LIST_SCRIPT_FILE] });
    return ok(undefined);
  } catch (error) {
    return fail('internal_error', `The order list script could not be loaded: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
  }
}
