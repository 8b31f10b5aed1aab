/**
 * The order list feature as its own script, loaded by features/orders-list.ts only when the merchant is
 * on the order list: what runs on every admin page stays under its size budget.
 * It hands its entry point over on the content script's own global (the isolated world: the page
 * cannot see it); nothing runs until the content script calls it.
 */
import { startOrdersList } from './admin.content/orders-list/run';
import { LIST_MODULE_KEY } from './admin.content/orders-list/key';

export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, unknown>)[LIST_MODULE_KEY] = startOrdersList;
});
