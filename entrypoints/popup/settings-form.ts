/**
 * The settings form's pure parts: which fields are in play, the problems per field (the messages of
 * lib/rewrite.ts via validateSettings), and the live preview of a sample relay address.
 */
import { rewriteEmail, type StrategyKind } from '@/lib/rewrite';
import { strategyFor, validateSettings, type SettingsProblem, type StoreSettings } from '@/lib/settings';
import { WRITE_CHECKS } from '@/lib/extra-domains';

export const PREVIEW_SAMPLES: Array<{ marketplace: string; email: string; orderId: string }> = [
  { marketplace: 'amazon', email: 'c4dc1kt7abtb7qr@marketplace.amazon.com', orderId: '114-3941689-8772232' },
  { marketplace: 'ebay', email: '415b21349b3e42193d47@members.ebay.com', orderId: '12-10543-87523' },
];

export type PreviewLine =
  | { marketplace: string; from: string; ok: true; to: string | null; changed: boolean }
  | { marketplace: string; from: string; ok: false; code: string; message: string; params?: Record<string, string> };

/** What each sample address becomes under the settings being edited. */
export function previewLines(settings: StoreSettings): PreviewLine[] {
  return PREVIEW_SAMPLES.map(({ marketplace, email, orderId }) => {
    const result = rewriteEmail(email, strategyFor(settings, marketplace), { orderId, extraDomains: settings.extraDomains });
    return result.ok
      ? { marketplace, from: email, ok: true, to: result.email, changed: result.changed }
      : { marketplace, from: email, ok: false, code: result.code, message: result.message, params: result.params };
  });
}

/** Strategies in use: the default and every override (decides which value fields are shown). */
export function kindsInUse(settings: StoreSettings): Set<StrategyKind> {
  return new Set([settings.defaultStrategy, ...Object.values(settings.overrides)]);
}

/** Problems keyed by field; extra domains are reported per line (`extraDomains.2` → line 3). */
export function problemsByField(settings: StoreSettings): Map<string, SettingsProblem> {
  const map = new Map<string, SettingsProblem>();
  for (const problem of validateSettings(settings, WRITE_CHECKS)) if (!map.has(problem.field)) map.set(problem.field, problem);
  return map;
}

/** The textarea's lines → the list stored in settings (blank lines dropped). */
export function parseDomainLines(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((line) => line.trim())
    .filter(Boolean);
}
