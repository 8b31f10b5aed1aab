/**
 * Sorts a scanned order into relay / already neutralised / ordinary and computes what the store's
 * settings would make of its email — the same functions the order page uses, so the bulk preview
 * and a one-click fix never disagree.
 */
import { classifyNeutralised, detectMarketplace, type Detection, type DetectionContext } from '../marketplaces';
import { rewriteEmail, type RewriteResult, type Strategy } from '../rewrite';
import { neutralForms, strategyFor, type StoreSettings } from '../settings';
import type { Classification, Classifier } from './types';
import { protectedByFlow } from '../order-facts';
import { normaliseEmail } from '../email-address';

export interface ClassifyDeps {
  detect(email: string | null, context: DetectionContext): Detection | null;
  /** The store's strategy for one marketplace (settings already bound). */
  strategyFor(marketplace: string): Strategy;
  rewrite(email: string | null, strategy: Strategy, order: { sourceIdentifier: string | null }): RewriteResult;
}

export function makeClassifier(deps: ClassifyDeps): Classifier {
  return (order) => {
    const context: DetectionContext = {
      sourceName: order.sourceName ?? undefined,
      channel: order.channelName ?? undefined,
      appName: order.appName ?? undefined,
      tags: order.tags,
      originalEmail: order.originalEmail,
    };
    const found = deps.detect(order.email, context);
    if (!found) return { cls: 'ordinary', marketplace: null, label: null, strategy: null, proposed: null };
    const base = { marketplace: found.marketplace, label: found.label };
    if (found.neutralised) return { ...base, cls: 'neutralised', strategy: null, proposed: order.email, ...(protectedByFlow(order) ? { protectedBy: 'flow' as const } : {}) };
    const strategy = deps.strategyFor(found.marketplace);
    const rewritten = deps.rewrite(order.email, strategy, { sourceIdentifier: order.sourceIdentifier });
    if (!rewritten.ok) {
      return { ...base, cls: 'relay', strategy, proposed: null, error: { code: rewritten.code, message: rewritten.message } };
    }
    // The rewrite recognises what it already did (every strategy is idempotent).
    if (!rewritten.changed && strategy.kind !== 'keep') return { ...base, cls: 'neutralised', strategy: null, proposed: order.email, ...(protectedByFlow(order) ? { protectedBy: 'flow' as const } : {}) };
    return { ...base, cls: 'relay', strategy, proposed: rewritten.email } satisfies Classification;
  };
}

type DetectSettings = Pick<StoreSettings, 'extraDomains'> & Parameters<typeof neutralForms>[0];

/**
 * THE detection rule set for an order's facts with the store's settings: the order card, the orders
 * list, the bulk job and the automatic sweep all judge through this one function.
 */
export function detectWithSettings(email: string | null, context: Omit<DetectionContext, 'neutral'>, settings: DetectSettings): Detection | null {
  const detection = detectMarketplace(email, { ...context, neutral: neutralForms(settings) }, settings.extraDomains);
  // We recorded the relay address before changing it, and the address now is not a relay: that is
  // our own earlier fix (perhaps with settings since changed), not a new problem — unless the address
  // now IS the recorded original: an undone fix of an order whose marketplace address is the buyer's
  // own (Etsy, or a channel-only order) is exposed again, and the original stays recorded after undo.
  if (
    detection &&
    !detection.neutralised &&
    context.originalEmail &&
    email &&
    !sameAddress(email, context.originalEmail) &&
    detectMarketplace(email, {}, settings.extraDomains) === null
  ) {
    return { ...detection, neutralised: 'fixed' };
  }
  return detection;
}

const addressKey = (email: string) => normaliseEmail(email) ?? email.trim().toLowerCase();
const sameAddress = (a: string, b: string) => addressKey(a) === addressKey(b);

/**
 * Shopify's own channels: `sourceName` values no other app may assign (shopify.dev, Order
 * `source_name`: "web", "pos", "shopify_draft_order", "iphone", "android" are protected), so an order
 * carrying one was made by the online store, POS, a draft order or Shopify's mobile app — whose channel
 * and app names the catalogue does not list (test/unit/classify-agreement.test.ts checks that).
 */
export const SHOPIFY_OWN_SOURCES: ReadonlySet<string> = new Set(['web', 'pos', 'shopify_draft_order', 'iphone', 'android']);

/**
 * True when an order's scalar fields alone (as the sweep's cheap listing returns them) prove the
 * classifier cannot call it a relay order, whatever its channel, app and our metafields say — so the
 * full read can be skipped without changing the verdict:
 * - a relay address already behind a neutralising prefix (neutralised, by its email alone);
 * - a non-relay address in one of the store's neutral forms, or none (neutralised, or ordinary);
 * - a non-relay address on an order from Shopify's own channels with no marketplace tag (ordinary —
 *   or, with our original saved, our own earlier fix).
 */
export function settledByScalars(order: { email: string | null; sourceName: string | null; tags: readonly string[] }, settings: DetectSettings): boolean {
  const neutral = neutralForms(settings);
  const direct = detectMarketplace(order.email, { neutral }, settings.extraDomains);
  if (direct) return direct.neutralised !== null;
  if (classifyNeutralised(order.email, neutral) !== null) return true;
  if (!order.sourceName || !SHOPIFY_OWN_SOURCES.has(order.sourceName)) return false;
  return detectMarketplace(order.email, { sourceName: order.sourceName, tags: [...order.tags], neutral }, settings.extraDomains) === null;
}

/** The classifier the background uses: the store's settings, the catalogue, and the merchant's extra domains. */
export function classifierFromSettings(settings: StoreSettings): Classifier {
  return makeClassifier({
    detect: (email, context) => detectWithSettings(email, context, settings),
    strategyFor: (marketplace) => strategyFor(settings, marketplace),
    rewrite: (email, strategy, order) => rewriteEmail(email, strategy, { orderId: order.sourceIdentifier, extraDomains: settings.extraDomains }),
  });
}
