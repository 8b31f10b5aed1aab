/**
 * The extension's packaged files, as `fetch(browser.runtime.getURL(…))` reads them in a built extension
 * (the background reads its catalogues that way: lib/platform/i18n.ts). fakeBrowser's URLs are
 * `chrome-extension://<id>/<path>`; they are answered from public/, which WXT copies into the build as
 * it is. Every other URL goes to the real fetch (the fake Admin API).
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

const PUBLIC = resolve(import.meta.dirname, '../../public');

/** How many times each packaged file was read (tests of what the background loads, and when). */
export const extensionFileReads = new Map<string, number>();

export function serveExtensionFiles(): void {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.protocol !== 'chrome-extension:') return realFetch(input, init);
    const path = decodeURIComponent(url.pathname);
    extensionFileReads.set(path, (extensionFileReads.get(path) ?? 0) + 1);
    const file = resolve(PUBLIC, `.${path}`);
    if (!file.startsWith(PUBLIC + sep)) return new Response('', { status: 404 });
    try {
      return new Response(await readFile(file), { status: 200, headers: { 'content-type': path.endsWith('.json') ? 'application/json' : 'application/octet-stream' } });
    } catch {
      return new Response('', { status: 404 });
    }
  };
}
