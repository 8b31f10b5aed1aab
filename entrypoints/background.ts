import { registerBulkHandlers } from '@/lib/platform/handlers/bulk';
import { registerConnectionHandlers } from '@/lib/platform/handlers/connection';
import { registerOrderHandlers } from '@/lib/platform/handlers/order';
import { registerOrdersListHandlers } from '@/lib/platform/handlers/orders-list';
import { registerPageStatusHandlers } from '@/lib/platform/handlers/page-status';
import { registerTextHandlers } from '@/lib/platform/handlers/texts';
import { restrictLocalStorage } from '@/lib/platform/storage-access';
import { registerSettingsHandlers } from '@/lib/platform/handlers/settings';
import { registerFlowHandlers } from '@/lib/platform/handlers/flow';
import { registerAutoProtectHandlers } from '@/lib/platform/handlers/auto-protect';
import { startAutoProtect } from '@/lib/platform/auto-protect';

// Handlers are registered synchronously at start-up: an MV3 service worker woken by a message must
// have its listeners in place before the first event loop turn ends.
export default defineBackground(() => {
  // Credentials live in storage.local: close it to content scripts before anything else runs.
  void restrictLocalStorage();
  registerPageStatusHandlers();
  registerTextHandlers();
  registerSettingsHandlers();
  registerFlowHandlers();
  registerConnectionHandlers();
  registerBulkHandlers();
  registerOrderHandlers();
  registerOrdersListHandlers();
  registerAutoProtectHandlers();
  // The one-minute check of stores with automatic protection on (its alarm survives restarts).
  startAutoProtect();
});
