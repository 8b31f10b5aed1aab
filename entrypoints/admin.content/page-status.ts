/**
 * One PageStatus per tab, merged from what every feature on the page contributes, so the popup sees
 * the banner's verdict AND the guard's actions (the background keeps only the last report per tab).
 *
 *   reportFeatureStatus('notify-guard', { store, surface, orderId }, { flagged, actions: [...] });
 *
 * A contribution replaces that feature's previous one; a new page (store/surface/order) starts afresh.
 * Reports are coalesced (one message per burst) and identical reports are not re-sent.
 */
import { sendMessage } from '@/lib/messaging';
import type { PageStatus } from '@/lib/messages';

type Base = Pick<PageStatus, 'store' | 'surface' | 'orderId'>;
type Part = Pick<PageStatus, 'flagged' | 'actions' | 'inactive'>;

let page: { key: string; base: Base; parts: Map<string, Part> } | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastSent = '';

const keyOf = (base: Base) => `${base.store?.handle ?? ''}|${base.surface}|${base.orderId ?? ''}`;

export function reportFeatureStatus(featureId: string, base: Base, part: Partial<Part>): void {
  const key = keyOf(base);
  if (!page || page.key !== key) page = { key, base, parts: new Map() };
  const previous = page.parts.get(featureId) ?? { flagged: null, actions: [], inactive: false };
  page.parts.set(featureId, { ...previous, ...part });
  if (timer === undefined) timer = setTimeout(flush, 30);
}

/** The merged status of the current page (exported for tests). */
export function mergedStatus(): PageStatus | null {
  if (!page) return null;
  const parts = [...page.parts.values()];
  return {
    ...page.base,
    flagged: parts.find((p) => p.flagged)?.flagged ?? null,
    actions: [...new Map(parts.flatMap((p) => p.actions).map((line) => [JSON.stringify(line), line] as const)).values()],
    inactive: parts.some((p) => p.inactive),
    adminLang: document.documentElement.getAttribute('lang') ?? '',
  };
}

function flush(): void {
  timer = undefined;
  const status = mergedStatus();
  if (!status) return;
  const text = JSON.stringify(status);
  if (text === lastSent) return;
  lastSent = text;
  void sendMessage('reportPageStatus', status);
}
