/**
 * Notify guard, page surfaces (fulfil items, mark as fulfilled, refund) in real Chromium, en/fr/de.
 * With the extension: zero notifications to the marketplace buyer. Without it (control): exactly one,
 * which proves each scenario can fail. An ordinary order still notifies its customer with the
 * extension. French runs without a store connection: the guard then works from what the page shows.
 * Screenshots: test-results/screenshots/notify-<surface>-<lang>.png
 */
import { defineOutboxSuite } from './notify-scenarios';

defineOutboxSuite({
  surfaces: ['fulfil', 'mark-as-fulfilled', 'refund'] as const,
  pageOnlyLang: 'fr',
  prepare: async (_sandbox, _surface, who) => (who === 'marketplace' ? 'amazon' : 'ordinary'),
});
