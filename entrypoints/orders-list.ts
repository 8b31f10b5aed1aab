/**
 * The order list feature as its own script, put into the admin tab by the background
 * (lib/platform/handlers/list-script.ts) only when features/orders-list.ts asks, on the order list:
 * what runs on every admin page stays under its size budget, and no file is web-accessible.
 * It runs in the content script's isolated world (the page cannot see it) and hands its entry point
 * over on that world's global; nothing runs until the content script calls it.
 */
import { startOrdersList } from './admin.content/orders-list/run';
import { LIST_MODULE_KEY } from './admin.content/orders-list/key';

export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, unknown>)[LIST_MODULE_KEY] = startOrdersList;
});
