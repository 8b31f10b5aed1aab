import { registerBulkHandlers } from '@/lib/platform/handlers/bulk';
import { registerConnectionHandlers } from '@/lib/platform/handlers/connection';
import { registerOrderHandlers } from '@/lib/platform/handlers/order';
import { registerOrdersListHandlers } from '@/lib/platform/handlers/orders-list';
import { registerPageStatusHandlers } from '@/lib/platform/handlers/page-status';
import { registerTextHandlers } from '@/lib/platform/handlers/texts';

// Handlers are registered synchronously at start-up: an MV3 service worker woken by a message must
// have its listeners in place before the first event loop turn ends.
export default defineBackground(() => {
  registerPageStatusHandlers();
  registerTextHandlers();
  registerConnectionHandlers();
  registerBulkHandlers();
  registerOrderHandlers();
  registerOrdersListHandlers();
});
