/**
 * notify-guard — keeps "notify customer" off for marketplace orders, visibly.
 *
 * On fulfil items / mark as fulfilled, refund, order edit, and on every dialog of the order page
 * (add/edit tracking, cancel order, …) the guard engine (../notify-guard/engine.ts) unticks and labels
 * each customer-notification checkbox. This file decides for which orders: the order's verdict from the
 * background (Admin API), else the email the page shows, else what this tab saw earlier. Overrides are
 * recorded through the background. Ordinary orders are never touched.
 *
 * Try it: `npm run demo` → Amazon demo order → "Fulfill items", "Mark as fulfilled", "Refund",
 * ⋯ More actions → "Cancel order"; the fulfilled Amazon order → "Edit tracking".
 */
import { adminLang, findContactEmail, findMainArea, findNotifyBoxes, orderPageLang, waitFor } from '@/lib/admin-dom';
import { detectMarketplace, type Detection } from '@/lib/marketplaces';
import { sendMessage } from '@/lib/messaging';
import { neutralForms, type StoreSettings } from '@/lib/settings';
import { createNotifyGuard, withFallback, type GuardOptions, type GuardPlace } from '../notify-guard/engine';
import { makeNote } from '../notify-guard/notes';
import { reportFeatureStatus } from '../page-status';
import { statusLine, type StatusLine } from '@/lib/status-line';
import { loadSettings, watchSettings } from '../settings';
import { loadTexts } from '../texts';
import { defineFeature, type FeatureContext } from './registry';

interface Verdict {
  detection: Detection | null;
  /** The order's email as far as we know it (null: none, so Shopify shows no notify box). */
  email: string | null;
  via: 'api' | 'page';
}

/**
 * Verdicts of orders seen earlier in this tab: the admin is a single-page app, so after the order
 * page the fulfil and refund pages (which may not show the email) still know what the order is.
 */
const seen = new Map<string, Verdict>();
/** How long the page may take to show the order's email before we say we cannot tell (ms). */
const PAGE_EMAIL_TIMEOUT_MS = 4000;

async function orderVerdict(ctx: FeatureContext, settings: StoreSettings): Promise<Verdict | null> {
  const { store, orderId } = ctx.location;
  const cacheKey = `${store.handle}|${orderId}`;
  const neutral = neutralForms(settings);
  const facts = await sendMessage('getOrderFacts', { store, orderId: orderId! });
  if (facts.ok) {
    const f = facts.value;
    const verdict: Verdict = {
      detection: detectMarketplace(
        f.email,
        { sourceName: f.sourceName, channel: f.channelName, appName: f.appName, tags: f.tags, originalEmail: f.originalEmail, neutral },
        settings.extraDomains,
      ),
      email: f.email,
      via: 'api',
    };
    seen.set(cacheKey, verdict);
    return verdict;
  }
  // Not connected (or the API failed): what the page shows, else what we saw earlier in this tab.
  const doc = ctx.document;
  const contact = await waitFor(doc.documentElement, () => findContactEmail(doc, orderPageLang(doc)), {
    signal: ctx.signal,
    timeout: seen.has(cacheKey) ? 300 : PAGE_EMAIL_TIMEOUT_MS,
  });
  if (contact) {
    const verdict: Verdict = { detection: detectMarketplace(contact.email, { neutral }, settings.extraDomains), email: contact.email, via: 'page' };
    seen.set(cacheKey, verdict);
    return verdict;
  }
  return seen.get(cacheKey) ?? null;
}

const SURFACE_KEYS: Record<GuardPlace, string> = {
  fulfil: 'guard_surface_fulfil',
  refund: 'guard_surface_refund',
  tracking: 'guard_surface_tracking',
  cancel: 'guard_surface_cancel',
  order: 'guard_surface_order',
  'order-edit': 'guard_surface_order_edit',
  dialog: 'guard_surface_dialog',
};

type GuardSurface = GuardOptions['surface'];
const GUARDED: readonly GuardSurface[] = ['order', 'fulfil', 'refund', 'order-edit'];

export default defineFeature({
  id: 'notify-guard',
  surfaces: GUARDED,
  async init(ctx) {
    const { store, orderId, surface } = ctx.location;
    if (!orderId || !(GUARDED as readonly string[]).includes(surface)) return false;
    const settings = await loadSettings(store);
    if (!settings.guardEnabled || ctx.signal.aborted) return false;

    // Our own signal: navigation aborts it, and so does the merchant switching the guard off.
    const run = new AbortController();
    ctx.signal.addEventListener('abort', () => run.abort(), { once: true });
    const unwatch = watchSettings(store, (next) => {
      if (!next.guardEnabled) run.abort();
    });
    run.signal.addEventListener('abort', unwatch, { once: true });

    const verdict = await orderVerdict(ctx, settings);
    if (run.signal.aborted) return false;
    const doc = ctx.document;
    const tr = await loadTexts(doc.documentElement.getAttribute('lang'));
    const base = { store, surface, orderId };
    if (!verdict) {
      const where = statusLine(SURFACE_KEYS[surface as GuardSurface]);
      warnUnknown(doc, run.signal, surface, tr, () => reportFeatureStatus('notify-guard', base, { inactive: true, actions: [statusLine('guard_status_inactive', { surface: where })] }));
      return false;
    }
    const detection = verdict.detection;
    // Ordinary orders are never touched.
    if (!detection) return false;

    const flagged = { marketplace: detection.marketplace, label: detection.label, via: detection.via };
    const actions = new Map<string, StatusLine>();
    const addAction = (line: StatusLine) => actions.set(JSON.stringify(line), line);
    let inactive = false;
    const report = () => reportFeatureStatus('notify-guard', base, { flagged, actions: [...actions.values()], inactive });
    // On the order page proxy-banner reports the verdict; we add to it only when a dialog gets guarded.
    if (surface !== 'order') report();
    const guard = createNotifyGuard({
      doc,
      signal: run.signal,
      surface: surface as GuardSurface,
      tr,
      words: adminLang(doc),
      marketplace: { id: detection.marketplace, label: detection.label },
      expectBoxes: Boolean(verdict.email),
      onEvent(event) {
        const where = statusLine(SURFACE_KEYS[event.place]);
        if (event.type === 'turned-off') addAction(statusLine('guard_status_turned_off', { surface: where }));
        if (event.type === 'inactive') {
          inactive = true;
          addAction(statusLine('guard_status_inactive', { surface: where }));
        }
        if (event.type === 'active') inactive = false;
        if (event.type === 'overridden') {
          addAction(statusLine('guard_status_overridden', { surface: where }));
          void sendMessage('recordGuardOverride', { store, orderId, surface: event.place, marketplace: detection.marketplace });
        }
        report();
      },
    });
    // The admin's language can change without a navigation (its language setting): follow it.
    let lang = doc.documentElement.getAttribute('lang');
    const followLang = async () => {
      const next = doc.documentElement.getAttribute('lang');
      if (next === lang) return;
      lang = next;
      const nextTr = await loadTexts(next); // never rejects: sendMessage answers a Result
      if (!run.signal.aborted && lang === next) guard.retranslate(nextTr, adminLang(doc));
    };
    const langObserver = new MutationObserver(() => void followLang());
    langObserver.observe(doc.documentElement, { attributes: true, attributeFilter: ['lang'] });
    run.signal.addEventListener('abort', () => langObserver.disconnect(), { once: true });
    return true;
  },
});

/**
 * We could not tell whether this order is a marketplace one (no connection, no email on the page,
 * not seen before). If the page carries a notify box, say that the guard is not watching it.
 */
function warnUnknown(doc: Document, signal: AbortSignal, surface: string, tr: GuardOptions['tr'], onShown: () => void): void {
  const view = doc.defaultView;
  if (!view || (surface !== 'fulfil' && surface !== 'refund')) return;
  const timer = view.setTimeout(() => {
    if (signal.aborted) return;
    const main = findMainArea(doc) ?? doc.body;
    if (findNotifyBoxes(main, { lang: adminLang(doc) }).boxes.length === 0) return;
    const notice = makeNote(doc, 'guard-inactive', 'critical', withFallback(tr)('guard_inactive'), tr('guard_unknown_hint'));
    notice.setAttribute('role', 'alert');
    main.prepend(notice);
    signal.addEventListener('abort', () => notice.remove(), { once: true });
    onShown();
  }, 1500);
  signal.addEventListener('abort', () => view.clearTimeout(timer), { once: true });
}
