/**
 * Notify guard, page surfaces (fulfil items, mark as fulfilled, refund) in real Chromium, en/fr/de,
 * in both sandbox admin layouts (today's and the 2026 markup: test/sandbox/app/layout.ts).
 * With the extension: zero notifications to the marketplace buyer. Without it (control): exactly one,
 * which proves each scenario can fail. An ordinary order still notifies its customer with the
 * extension. French runs without a store connection: the guard then works from what the page shows.
 * Screenshots: test-results/screenshots/notify-<surface>-<lang>.png
 */
import { describe } from 'vitest';
import { LAYOUTS, defineOutboxSuite } from './notify-scenarios';

describe.each(LAYOUTS)('%s admin layout', (layout) => {
  defineOutboxSuite({
    layout,
    surfaces: ['fulfil', 'mark-as-fulfilled', 'refund'] as const,
    pageOnlyLang: 'fr',
    prepare: async (_sandbox, _surface, who) => (who === 'marketplace' ? 'amazon' : 'ordinary'),
  });
});
