/**
 * Who the fake browser says sent a runtime message. WXT's fakeBrowser gives every message an empty
 * sender, which lib/messaging refuses like a real browser would refuse a stranger; tests pick a
 * realistic sender instead. Default (reset before every test): an extension page, as the popup is.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SenderFacts } from '../../lib/callers';

export const extensionPage = (page = 'popup.html'): SenderFacts => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL(`/${page}`),
});

/** Our content script on a tab showing `url` (a real admin URL unless the test says otherwise). */
export const contentScript = (url: string, tabId = 7): SenderFacts => ({ id: fakeBrowser.runtime.id, url, tab: { id: tabId, url } });

export const adminTab = (handle: string, path = '/orders/1001', tabId = 7): SenderFacts =>
  contentScript(`https://admin.shopify.com/store/${handle}${path}`, tabId);

let current: SenderFacts = {};

export function sendFrom(sender: SenderFacts): void {
  current = sender;
}

export function installFakeSender(): void {
  current = extensionPage();
  fakeBrowser.runtime.sendMessage = (async (message: unknown) => {
    const onMessage = fakeBrowser.runtime.onMessage as unknown as { hasListeners(): boolean; trigger(...args: unknown[]): Promise<unknown[]> };
    if (!onMessage.hasListeners()) throw new Error('No listeners available');
    const answers = await onMessage.trigger(message, current);
    return answers.find((answer: unknown) => !!answer);
  }) as typeof fakeBrowser.runtime.sendMessage;
}
