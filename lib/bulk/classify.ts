/**
 * Sorts a scanned order into relay / already neutralised / ordinary and computes what the store's
 * settings would make of its email — the same functions the order page uses, so the bulk preview
 * and a one-click fix never disagree.
 */
import { detectMarketplace, type Detection, type DetectionContext } from '../marketplaces';
import { rewriteEmail, type RewriteResult, type Strategy } from '../rewrite';
import { neutralForms, strategyFor, type StoreSettings } from '../settings';
import type { Classification, Classifier } from './types';
import { protectedByFlow } from '../order-facts';

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

/** The classifier the background uses: the store's settings, the catalogue, and the merchant's extra domains. */
export function classifierFromSettings(settings: StoreSettings): Classifier {
  const neutral = neutralForms(settings);
  return makeClassifier({
    detect: (email, context) => detectMarketplace(email, { ...context, neutral }, settings.extraDomains),
    strategyFor: (marketplace) => strategyFor(settings, marketplace),
    rewrite: (email, strategy, order) => rewriteEmail(email, strategy, { orderId: order.sourceIdentifier, extraDomains: settings.extraDomains }),
  });
}
