/**
 * proxy-banner — on an order page whose email is a marketplace relay (or whose channel is a
 * marketplace), a warning card under the order's header with the one-click fixes and Undo; a calm
 * "protected" card for orders already neutralised; nothing for ordinary orders; "guard inactive on
 * this page" when the page's anchors are missing.
 *
 * Facts come from the background (Admin API) when the store is connected; otherwise from the page's
 * contact email, and the card says fixes need a connection.
 *
 * Try it: `npm run demo`, then
 *   /store/demo-store/orders/{DEMO_ORDERS.amazon}            warning card, fixes, undo
 *   /store/demo-store/orders/{DEMO_ORDERS.neutralised}       protected
 *   /store/demo-store/orders/{DEMO_ORDERS.ordinary}          nothing
 *   /store/demo-store/orders/{DEMO_ORDERS.amazon}?layout=unknown   guard inactive
 */
import { findCardSlot, findContactEmail, findOrderTitle, orderPageLang, waitFor, type CardSlot } from '@/lib/admin-dom';
import { cardAutoLine, type AutoProtectStatus } from '@/lib/auto-protect/status';
import { detectWithSettings } from '@/lib/bulk/classify';
import { detectMarketplace, type Detection } from '@/lib/marketplaces';
import { sendMessage } from '@/lib/messaging';
import type { FixOutcome } from '@/lib/messages';
import { protectedByFlow, type OrderFacts } from '@/lib/order-facts';
import type { AppError, Result } from '@/lib/result';
import { strategyKey, type Strategy } from '@/lib/rewrite';
import { FIX_CHOICES, neutralForms, strategyFor, strategyForChoice, type FixChoice, type StoreSettings } from '@/lib/settings';
import type { StoreRef } from '@/lib/store-ref';
import { createCardHost, type CardButton, type CardModel } from '../proxy-card';
import { reportFeatureStatus } from '../page-status';
import { loadSettings, watchSettings } from '../settings';
import { errorText, loadTexts, type Translate } from '../texts';
import { keyTranslator, renderStatusLine, statusLine, toStatusLine, type StatusLine } from '@/lib/status-line';

/** An error as a message line: `err_<code>` with its parameters, its own message when no locale has it. */
const errorLine = (error: AppError): StatusLine => ({ ...statusLine(`err_${error.code}`, error.params), text: error.message });
import { defineFeature } from './registry';

/** How long an order page may take to render its header before we call the layout unknown. */
export const ANCHOR_TIMEOUT_MS = 6000;
/** In page mode, how long we wait for the previous order's DOM to go after a client-side navigation. */
const STALE_PAGE_MS = 1500;
/** Errors after which the fix is to (re)connect the store, not to retry. */
const CONNECTION_CODES = new Set(['not_connected', 'token_invalid', 'token_expired', 'client_credentials_rejected', 'scope_missing', 'invalid_credentials']);

interface State {
  settings: StoreSettings;
  /** Facts from the Admin API (null in page mode). */
  facts: OrderFacts | null;
  /** Why the API gave no facts (null when it did). */
  apiError: AppError | null;
  pageEmail: string | null;
  busy: null | 'fix' | 'undo';
  /** Outcome of the last fix/undo, as message lines: the card and the popup each say it in their language. */
  result: null | { tone: 'success' | 'critical'; line: StatusLine; detail?: StatusLine; undo?: boolean };
  inactive: boolean;
  /** Automatic protection's status for this store (the card says when it is stopped). */
  auto?: AutoProtectStatus | null;
}

/** The fixes the card offers, filled in from the store's settings. */
export function fixesFor(settings: StoreSettings): Strategy[] {
  return FIX_CHOICES.map((choice) => strategyForChoice(settings, choice));
}

/** The choice a fix button sends: the background rebuilds the strategy from the saved settings. */
const choiceOf = (s: Strategy): FixChoice => strategyKey(s).replace(/^strategy_/, '') as FixChoice;

const actionId = (s: Strategy) => strategyKey(s).replace(/^strategy_/, 'fix-').replace(/_/g, '-');

export function detect(state: Pick<State, 'settings' | 'facts' | 'pageEmail'>): Detection | null {
  const { settings, facts } = state;
  // The one rule set the sweep, the list and the bulk job use (lib/bulk/classify.ts).
  if (facts) return detectWithSettings(facts.email, { sourceName: facts.sourceName, channel: facts.channelName, appName: facts.appName, tags: facts.tags, originalEmail: facts.originalEmail }, settings);
  return detectMarketplace(state.pageEmail, { neutral: neutralForms(settings) }, settings.extraDomains);
}

interface Actions {
  fix: (choice: FixChoice) => void;
  undo: () => void;
  connect: () => void;
}

/** What the card shows for a state (null = no card). Pure, so its rules read in one place. */
export function cardModel(state: State, tr: Translate, actions: Actions): CardModel | null {
  const detection = detect(state);
  const email = state.facts ? state.facts.email : state.pageEmail;
  const busy = state.busy === 'fix' ? tr('card_working') : state.busy === 'undo' ? tr('card_working') : undefined;
  const result = state.result
    ? {
        tone: state.result.tone,
        text: renderStatusLine(tr, state.result.line),
        ...(state.result.detail ? { detail: renderStatusLine(tr, state.result.detail) } : {}),
        ...(state.result.undo ? { action: { id: 'undo', label: tr('card_undo'), disabled: state.busy !== null, onClick: actions.undo } } : {}),
      }
    : undefined;

  if (state.inactive) {
    if (state.facts && !detection) return null; // the API says ordinary order: nothing to guard here
    return {
      tone: 'critical',
      floating: true,
      title: tr('card_inactive_title'),
      lines: [detection ? tr('card_inactive_flagged', { marketplace: detection.label, email: email ?? '—' }) : tr('card_inactive_body')],
      buttons: [],
    };
  }
  if (!detection) return null;
  const marketplace = detection.label;

  if (detection.neutralised) {
    const lines: CardModel['lines'] = [
      !email ? tr('card_protected_stripped', { marketplace }) : { text: tr('card_protected_changed', { marketplace, email }), strong: email },
    ];
    const original = state.facts?.originalEmail ?? null;
    if (state.facts && protectedByFlow(state.facts) && !state.result) lines.push(tr('card_protected_by_flow'));
    if (original && !state.result) lines.push({ text: tr('card_original_saved', { email: original }), strong: original });
    const autoLine = cardAutoLine(state.auto ?? null, tr, (e) => errorText(tr, e));
    if (autoLine) lines.push(autoLine);
    const buttons: CardButton[] = [];
    const canRestore = state.facts !== null && (original !== null || detection.neutralised === 'prefix');
    if (canRestore && !state.result?.undo) buttons.push({ id: 'restore', label: tr('card_restore'), disabled: state.busy !== null, onClick: actions.undo });
    return { tone: 'success', title: tr('card_protected_title'), lines, buttons, ...(result ? { result } : {}), ...(busy ? { busy } : {}) };
  }

  const lines: CardModel['lines'] = [];
  if (email) lines.push({ text: tr('card_address', { email }), strong: email });
  lines.push(detection.via === 'email' ? tr('card_why', { marketplace }) : tr('card_why_channel', { marketplace }));
  lines.push(tr('card_real_fix'));
  const autoLine = cardAutoLine(state.auto ?? null, tr, (e) => errorText(tr, e));
  if (autoLine) lines.push(autoLine);

  const buttons: CardButton[] = [];
  const needsConnection = !state.facts && (!state.apiError || CONNECTION_CODES.has(state.apiError.code));
  if (needsConnection) {
    lines.push(tr('card_connect_needed'));
    buttons.push({ id: 'connect', label: tr('card_connect'), primary: true, onClick: actions.connect });
  } else {
    if (state.apiError) lines.push(`${tr('card_page_fallback')} ${errorText(tr, state.apiError)}`);
    const configured = strategyFor(state.settings, detection.marketplace);
    if (configured.kind === 'keep') lines.push(tr('card_keep_configured'));
    const fixes = fixesFor(state.settings);
    const primaryKey = strategyKey(configured);
    const ordered = [...fixes.filter((f) => strategyKey(f) === primaryKey), ...fixes.filter((f) => strategyKey(f) !== primaryKey)];
    for (const fix of ordered) {
      buttons.push({
        id: actionId(fix),
        label: tr(strategyKey(fix)),
        primary: configured.kind !== 'keep' && strategyKey(fix) === primaryKey,
        disabled: state.busy !== null,
        onClick: () => actions.fix(choiceOf(fix)),
      });
    }
  }
  const title = detection.via === 'email' ? tr('card_title', { marketplace }) : tr('card_title_channel', { marketplace });
  return { tone: 'warning', title, lines, buttons, buttonsLabel: tr('card_fixes'), ...(result ? { result } : {}), ...(busy ? { busy } : {}) };
}

function sameSlot(host: Element, slot: CardSlot): boolean {
  return host.parentElement === slot.parent && (slot.before === host || host.nextElementSibling === slot.before);
}

export default defineFeature({
  id: 'proxy-banner',
  surfaces: ['order'],
  async init({ location, document: doc, signal, firstLoad }) {
    const store: StoreRef = location.store;
    const orderId = location.orderId;
    if (!orderId) return false;
    // What is on screen as the URL changes is the previous page's DOM (taken before any await: the new
    // page may render while facts load). A freshly loaded document has no previous page.
    const staleTitle = firstLoad ? null : findOrderTitle(doc);
    const staleText = staleTitle?.textContent ?? null;
    const started = Date.now();

    // Start the slow parts at once, in parallel with the page rendering.
    const factsPending = sendMessage('getOrderFacts', { store, orderId });
    const settingsPending = loadSettings(store);
    const autoPending = sendMessage('autoProtectStatus', { store });
    let lang = doc.documentElement.lang;
    let tr = await loadTexts(lang);
    const card = createCardHost(doc);
    signal.addEventListener('abort', () => card.host.remove(), { once: true });
    if (signal.aborted) return false;

    const state: State = { settings: await settingsPending, facts: null, apiError: null, pageEmail: null, busy: null, result: null, inactive: false };
    const facts: Result<OrderFacts> = await factsPending;
    if (signal.aborted) return false;
    if (facts.ok) state.facts = facts.value;
    else state.apiError = facts.error;
    const auto = await autoPending;
    if (auto.ok) state.auto = auto.value;
    // For `npm run bench`: facts → card time (marks are cheap and carry no page data).
    performance.mark(`pmg:facts:${orderId}`);

    const pageIsCurrent = () => {
      const title = findOrderTitle(doc);
      if (!title) return false;
      if (state.facts?.name) return (title.textContent ?? '').includes(state.facts.name);
      if (title !== staleTitle || title.textContent !== staleText) return true;
      return Date.now() - started > STALE_PAGE_MS;
    };

    const slot = await waitFor(doc.documentElement, () => (pageIsCurrent() ? findCardSlot(doc, orderPageLang(doc)) : null), {
      signal,
      timeout: ANCHOR_TIMEOUT_MS,
      debounce: 5,
      // A page that has stopped changing wakes no observer: look again once the stale wait is over.
      recheckAfter: firstLoad ? [] : [STALE_PAGE_MS + 10],
    });
    if (signal.aborted) return false;

    const actions: Actions = {
      fix: (choice) => void run('fix', () => sendMessage('applyFix', { store, orderId, fix: choice })),
      undo: () => void run('undo', () => sendMessage('undoFix', { store, orderId })),
      connect: () => {
        void sendMessage('openConnect', { store }).then((r) => {
          if (!r.ok) {
            state.result = { tone: 'critical', line: errorLine(r.error) };
            paint();
          }
        });
      },
    };

    async function run(kind: 'fix' | 'undo', call: () => Promise<Result<FixOutcome>>) {
      if (state.busy) return;
      state.busy = kind;
      state.result = null;
      paint();
      const outcome = await call();
      if (signal.aborted) return;
      state.busy = null;
      if (outcome.ok) {
        state.facts = outcome.value.facts;
        state.apiError = null;
        const after = outcome.value.after;
        if (kind === 'fix') {
          state.result = {
            tone: 'success',
            line: after ? statusLine('card_done', { email: after }) : statusLine('card_done_stripped'),
            ...(outcome.value.before ? { detail: statusLine('card_original_saved', { email: outcome.value.before }) } : {}),
            undo: true,
          };
        } else {
          state.result = { tone: 'success', line: statusLine('card_undone', { email: after ?? '—' }) };
        }
      } else {
        state.result = { tone: 'critical', line: errorLine(outcome.error) };
      }
      paint();
    }

    function paint() {
      if (signal.aborted) return;
      if (!state.facts) state.pageEmail = findContactEmail(doc, orderPageLang(doc))?.email ?? null;
      const model = cardModel(state, tr, actions);
      card.render(model);
      if (model?.floating) {
        if (card.host.parentElement !== doc.body) doc.body.append(card.host);
      } else {
        // Also when there is nothing to show: a hidden host marks "decided: ordinary order" for tests and the bench.
        const where = findCardSlot(doc, orderPageLang(doc));
        if (where && !sameSlot(card.host, where)) where.parent.insertBefore(card.host, where.before);
        else if (!where && !card.host.isConnected) doc.body.append(card.host);
      }
      const detection = detect(state);
      const keyed = model ? cardModel(state, keyTranslator, actions) : null;
      // Merged with the notify guard's report for the same page (../page-status.ts).
      reportFeatureStatus(
        'proxy-banner',
        { store, surface: 'order', orderId },
        {
          flagged: detection ? { marketplace: detection.marketplace, label: detection.label, via: detection.via } : null,
          // The popup renders these in the browser's language: the title as keys (same model, key translator).
          actions: keyed ? [toStatusLine(keyed.title), ...(state.result ? [state.result.line] : [])] : [],
          inactive: state.inactive,
        },
      );
    }

    if (!slot) state.inactive = true;
    paint();
    performance.mark(`pmg:card:${orderId}`);

    // A new default fix chosen in the popup shows on the open card at once, without a reload.
    const unwatch = watchSettings(store, (next) => {
      state.settings = next;
      paint();
    });
    signal.addEventListener('abort', unwatch, { once: true });

    // The admin re-renders (data refresh, dialogs, language): keep the card in place and current.
    const view = doc.defaultView;
    if (view) {
      let timer: number | undefined;
      const refreshCard = async () => {
        if (doc.documentElement.lang !== lang) {
          lang = doc.documentElement.lang;
          tr = await loadTexts(lang); // never rejects: sendMessage answers a Result
        }
        if (state.inactive && findCardSlot(doc, orderPageLang(doc))) state.inactive = false;
        paint();
      };
      const observer = new view.MutationObserver(() => {
        if (timer !== undefined) view.clearTimeout(timer);
        timer = view.setTimeout(() => void refreshCard(), 30);
      });
      // characterData: the 2026 admin shows the email as a button's text, which React edits in place.
      observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['lang', 'href', 'text'] });
      signal.addEventListener('abort', () => {
        observer.disconnect();
        if (timer !== undefined) view.clearTimeout(timer);
      }, { once: true });
    }
    return detect(state) !== null || state.inactive;
  },
});
