/**
 * Notify guard, dialog surfaces of the order page (add tracking, edit tracking, cancel order; they
 * open without a URL change) in real Chromium, en/fr/de, in both sandbox admin layouts (today's and
 * the 2026 markup). With the extension: zero notifications to
 * the Amazon buyer; without it (control): exactly one; an ordinary order still notifies.
 * German runs without a store connection: the guard then works from what the order page shows.
 * Screenshots: test-results/screenshots/notify-<surface>-<lang>.png
 */
import { DEMO_ORDERS } from '../sandbox/server';
import { describe } from 'vitest';
import { LAYOUTS, defineOutboxSuite, fulfilViaApi } from './notify-scenarios';

describe.each(LAYOUTS)('%s admin layout', (layout) => {
  defineOutboxSuite({
    layout,
    surfaces: ['add-tracking', 'edit-tracking', 'cancel'] as const,
    pageOnlyLang: 'de',
    async prepare(sandbox, surface, who) {
      if (who === 'marketplace') {
        if (surface === 'edit-tracking') return 'amazonFulfilled'; // seeded with a tracked fulfilment
        if (surface === 'add-tracking') await fulfilViaApi(sandbox, DEMO_ORDERS.amazon.fulfillmentOrderId);
        return 'amazon';
      }
      if (surface !== 'cancel') await fulfilViaApi(sandbox, DEMO_ORDERS.ordinary.fulfillmentOrderId, surface === 'edit-tracking' ? '1Z999AA10123456700' : undefined);
      return 'ordinary';
    },
  });
});
