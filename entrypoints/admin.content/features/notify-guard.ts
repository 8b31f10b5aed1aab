/**
 * notify-guard — keeps "notify customer" off for marketplace orders, visibly.
 *
 * On fulfil items / mark as fulfilled, refund, order edit, and on every dialog of the order page
 * (add/edit tracking, cancel order, …) it finds each customer-notification checkbox
 * (lib/admin-dom), un-ticks it with a real click so the admin's own React state follows, labels it
 * "Turned off: marketplace order (Amazon)" in the admin's language, and re-applies whenever the admin
 * re-renders. Ticking it again asks for an explicit confirmation and records the override. Where a
 * box is expected but not found it says "guard inactive: check the notify box yourself".
 * Ordinary orders are never touched.
 *
 * Try it: `npm run demo` → Amazon demo order → "Fulfill items", "Mark as fulfilled", "Refund",
 * ⋯ More actions → "Cancel order"; the fulfilled Amazon order → "Edit tracking".
 */
import {
  OWN_MARK,
  adminLang,
  dialogKind,
  findContactEmail,
  findDialogs,
  findMainArea,
  findNotifyBoxes,
  isBoxChecked,
  notifyLabelAnchor,
  orderPageLang,
  waitFor,
} from '@/lib/admin-dom';
import { detectMarketplace, type Detection } from '@/lib/marketplaces';
import { sendMessage } from '@/lib/messaging';
import { getStoreSettings, watchStoreSettings } from '@/lib/platform/settings-storage';
import { defaultSettings, neutralForms, type StoreSettings } from '@/lib/settings';
import { reportFeatureStatus } from '../page-status';
import { loadTexts } from '../texts';
import { defineFeature, type FeatureContext } from './registry';
import type { DialogKind, NotifyLang } from '@/lib/notify-words';

// ── The guard engine (DOM only; the feature below feeds it the order's verdict) ─────────────────────

/** Where a box was met: the page's own surface, or the kind of dialog it sits in. */
export type GuardPlace = 'fulfil' | 'refund' | 'order' | 'order-edit' | 'tracking' | 'cancel' | 'dialog';

export type GuardEvent =
  | { type: 'turned-off'; place: GuardPlace }
  | { type: 'overridden'; place: GuardPlace }
  | { type: 'inactive'; place: GuardPlace; reason: 'box-not-found' | 'untick-refused' }
  | { type: 'active'; place: GuardPlace };

export interface GuardOptions {
  doc: Document;
  signal: AbortSignal;
  /** The URL's surface. */
  surface: 'fulfil' | 'refund' | 'order' | 'order-edit';
  /** Our texts in the admin's language (entrypoints/admin.content/texts.ts). */
  tr: (key: string, params?: Record<string, string | number>) => string;
  /** Language of the admin's labels as our word lists know it (null: structure only). */
  words: NotifyLang | null;
  marketplace: { id: string; label: string };
  /** The order has an email, so Shopify shows notify boxes (after `strip` it shows none). */
  expectBoxes: boolean;
  /** How long an expected box may take to render before we say the guard is inactive (ms). */
  graceMs?: number;
  /** Asks the merchant before a box goes back on; default: our own dialog, window.confirm as fallback. */
  confirm?: (question: { title: string; body: string; keep: string; send: string }, near: Element | null) => Promise<boolean>;
  onEvent?: (event: GuardEvent) => void;
}

/** How long an expected box may take to appear (the admin renders late) before we say we cannot see it. */
const GRACE_MS = 4000;

/** Dialog kinds that carry a notify box whenever the order has an email. */
const EXPECTING_DIALOGS: ReadonlySet<DialogKind> = new Set(['tracking', 'cancel', 'fulfil', 'refund']);

const DIALOG_PLACE: Record<DialogKind, GuardPlace> = {
  tracking: 'tracking',
  cancel: 'cancel',
  fulfil: 'fulfil',
  refund: 'refund',
  'order-edit': 'order-edit',
  other: 'dialog',
};

interface Scope {
  key: Element; // the dialog, or the page's main area
  place: GuardPlace;
  expected: boolean;
}

interface BoxState {
  place: GuardPlace;
  scope: Element;
  label: HTMLElement | null;
  /** The admin put the box back on after our click: we said so and stop fighting it. */
  refused: boolean;
}

export interface NotifyGuard {
  /** Re-scans now (the guard also re-scans by itself on every re-render). */
  scan(): void;
  /** The admin switched language: re-word our labels and read its labels with the new words. */
  retranslate(tr: GuardOptions['tr'], words: NotifyLang | null): void;
}

export function createNotifyGuard(options: GuardOptions): NotifyGuard {
  const { doc, signal } = options;
  let tr = withFallback(options.tr);
  let words = options.words;
  const view = doc.defaultView!;
  const mp = options.marketplace.label;
  const boxes = new Map<Element, BoxState>();
  /** Scopes (a dialog, the page) where the merchant confirmed: their boxes stay on. */
  const overridden = new WeakSet<Element>();
  const inactiveNotices = new Map<Element, HTMLElement>();
  const graceTimers = new Map<Element, number>();
  const announcedInactive = new WeakSet<Element>();
  let ourClick = false;
  let asking = false;
  const emit = (event: GuardEvent) => options.onEvent?.(event);

  const scopes = (): { page: Scope | null; dialogs: Scope[] } => {
    const main = findMainArea(doc) ?? doc.body;
    const page: Scope | null = main
      ? { key: main, place: options.surface, expected: options.expectBoxes && (options.surface === 'fulfil' || options.surface === 'refund') }
      : null;
    const dialogs = findDialogs(doc).map((dialog): Scope => {
      const kind = dialogKind(dialog, words);
      return { key: dialog, place: DIALOG_PLACE[kind], expected: options.expectBoxes && EXPECTING_DIALOGS.has(kind) };
    });
    return { page, dialogs };
  };

  function scan(): void {
    if (signal.aborted) return;
    const { page, dialogs } = scopes();
    const seen = new Set<Element>();
    const visit = (scope: Scope, keep: (box: Element) => boolean) => {
      const found = findNotifyBoxes(scope.key, { lang: words, structureFallback: scope.expected }).boxes.filter((b) => keep(b.box));
      for (const { box } of found) {
        seen.add(box);
        guardBox(box, scope);
      }
      if (found.some(({ box }) => !boxes.get(box)?.refused)) clearInactive(scope);
      else if (scope.expected) armInactive(scope);
    };
    // The page's own boxes are those outside every dialog (a dialog may render inside the main area).
    if (page) visit(page, (box) => !dialogs.some((d) => containsDeep(d.key, box)));
    for (const dialog of dialogs) visit(dialog, () => true);
    // Forget boxes the admin removed (a closed dialog, a re-mounted section).
    for (const [box, state] of boxes) {
      if (!seen.has(box) && !box.isConnected) {
        state.label?.remove();
        boxes.delete(box);
      }
    }
    for (const [key, notice] of inactiveNotices) {
      if (!key.isConnected) {
        notice.remove();
        inactiveNotices.delete(key);
      }
    }
  }

  function guardBox(box: Element, scope: Scope): void {
    let state = boxes.get(box);
    if (!state) {
      state = { place: scope.place, scope: scope.key, label: null, refused: false };
      boxes.set(box, state);
    }
    if (overridden.has(scope.key)) {
      showLabel(box, state, 'overridden');
      return;
    }
    if (state.refused) return;
    if (isBoxChecked(box)) untick(box, state);
    else showLabel(box, state, 'off');
  }

  function untick(box: Element, state: BoxState): void {
    ourClick = true;
    try {
      // A real click, not `checked = false`: React (and any framework) only follows user events.
      (box as HTMLElement).click();
    } finally {
      ourClick = false;
    }
    showLabel(box, state, 'off');
    // The admin's state settles after its own event handling; check it really stayed off.
    view.setTimeout(() => {
      if (signal.aborted || overridden.has(state.scope)) return;
      if (box.isConnected && isBoxChecked(box)) {
        state.refused = true;
        state.label?.remove();
        state.label = null;
        showInactive(state.scope, state.place, 'untick-refused');
      } else {
        emit({ type: 'turned-off', place: state.place });
      }
    }, 60);
  }

  function showLabel(box: Element, state: BoxState, mode: 'off' | 'overridden'): void {
    const anchor = notifyLabelAnchor(box);
    const text = mode === 'off' ? tr('guard_turned_off', { marketplace: mp }) : tr('guard_overridden', { marketplace: mp });
    const hint = mode === 'off' ? tr('guard_turned_off_hint', { marketplace: mp }) : '';
    if (state.label && state.label.isConnected && state.label.previousElementSibling === anchor && state.label.dataset.mode === mode) return;
    state.label?.remove();
    state.label = makeNote(doc, mode === 'off' ? 'notify-label' : 'notify-overridden', mode === 'off' ? 'caution' : 'critical', text, hint);
    state.label.dataset.mode = mode;
    anchor.after(state.label);
  }

  function armInactive(scope: Scope): void {
    if (inactiveNotices.has(scope.key) || graceTimers.has(scope.key)) return;
    const timer = view.setTimeout(() => {
      graceTimers.delete(scope.key);
      if (signal.aborted || !scope.key.isConnected) return;
      const still = findNotifyBoxes(scope.key, { lang: words, structureFallback: true }).boxes.length === 0;
      if (still) showInactive(scope.key, scope.place, 'box-not-found');
    }, options.graceMs ?? GRACE_MS);
    graceTimers.set(scope.key, timer);
  }

  function showInactive(key: Element, place: GuardPlace, reason: 'box-not-found' | 'untick-refused'): void {
    if (!inactiveNotices.has(key)) {
      const notice = makeNote(doc, 'guard-inactive', 'critical', tr('guard_inactive'), tr('guard_inactive_hint', { marketplace: mp }));
      notice.setAttribute('role', 'alert');
      notice.dataset.reason = reason;
      key.prepend(notice);
      inactiveNotices.set(key, notice);
    }
    if (!announcedInactive.has(key)) {
      announcedInactive.add(key);
      emit({ type: 'inactive', place, reason });
    }
  }

  function clearInactive(scope: Scope): void {
    const timer = graceTimers.get(scope.key);
    if (timer !== undefined) {
      view.clearTimeout(timer);
      graceTimers.delete(scope.key);
    }
    const notice = inactiveNotices.get(scope.key);
    if (notice) {
      notice.remove();
      inactiveNotices.delete(scope.key);
      announcedInactive.delete(scope.key);
      emit({ type: 'active', place: scope.place });
    }
  }

  // The merchant ticks a guarded box: stop the click before the admin sees it, and ask.
  const onClick = (event: Event) => {
    if (ourClick || asking) {
      if (asking && !ourClick && guardedIn(event)) stop(event);
      return;
    }
    const box = guardedIn(event);
    if (!box) return;
    const state = boxes.get(box)!;
    if (overridden.has(state.scope) || !clickWouldTick(box)) return; // un-ticking is always fine
    stop(event);
    void askAndApply(box, state);
  };

  function guardedIn(event: Event): Element | null {
    for (const target of event.composedPath()) {
      if (target instanceof view.Element && boxes.has(target)) return target;
    }
    return null;
  }

  async function askAndApply(box: Element, state: BoxState): Promise<void> {
    asking = true;
    let yes = false;
    try {
      const question = {
        title: tr('guard_confirm_title', { marketplace: mp }),
        body: tr('guard_confirm_body', { marketplace: mp }),
        keep: tr('guard_confirm_keep'),
        send: tr('guard_confirm_send'),
      };
      yes = await (options.confirm ?? confirmInPage(doc))(question, state.scope === findMainArea(doc) ? null : state.scope);
    } finally {
      asking = false;
    }
    if (!yes || signal.aborted || !box.isConnected) return;
    overridden.add(state.scope);
    ourClick = true;
    try {
      (box as HTMLElement).click();
    } finally {
      ourClick = false;
    }
    showLabel(box, state, 'overridden');
    emit({ type: 'overridden', place: state.place });
  }

  // Capture on the document: before the admin's own listeners (React listens on its root container).
  doc.addEventListener('click', onClick, { capture: true, signal });

  // Re-apply on every re-render (debounced), and re-check guarded boxes the admin may tick back by
  // setting state without touching the DOM tree (a controlled input re-rendered as checked).
  let pending: number | undefined;
  const observer = new view.MutationObserver(() => {
    if (pending !== undefined) return;
    pending = view.setTimeout(() => {
      pending = undefined;
      scan();
    }, 30);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-checked', 'open', 'role', 'lang', 'hidden'] });
  const recheck = view.setInterval(() => {
    for (const [box, state] of boxes) {
      if (box.isConnected && !state.refused && !overridden.has(state.scope) && isBoxChecked(box) && !asking) untick(box, state);
    }
  }, 400);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      view.clearInterval(recheck);
      if (pending !== undefined) view.clearTimeout(pending);
      for (const timer of graceTimers.values()) view.clearTimeout(timer);
      for (const state of boxes.values()) state.label?.remove();
      for (const notice of inactiveNotices.values()) notice.remove();
      boxes.clear();
      inactiveNotices.clear();
    },
    { once: true },
  );

  scan();
  return {
    scan,
    retranslate(next, nextWords) {
      tr = withFallback(next);
      words = nextWords;
      for (const [box, state] of boxes) {
        const mode = state.label?.dataset.mode as 'off' | 'overridden' | undefined;
        state.label?.remove();
        state.label = null;
        if (mode && box.isConnected) showLabel(box, state, mode);
      }
      for (const [key, notice] of [...inactiveNotices]) {
        const reason = notice.dataset.reason as 'box-not-found' | 'untick-refused';
        notice.remove();
        inactiveNotices.delete(key);
        if (key.isConnected) showInactive(key, 'dialog', reason);
      }
      scan();
    },
  };
}

/**
 * During a click's dispatch a native checkbox already shows its new state (the browser flips it
 * first and flips it back if the click is cancelled); an ARIA checkbox still shows its old one.
 */
function clickWouldTick(box: Element): boolean {
  return box.tagName === 'INPUT' ? isBoxChecked(box) : !isBoxChecked(box);
}

/** English for the few texts the guard cannot do without, when the background cannot answer. */
const FALLBACK: Record<string, string> = {
  guard_turned_off: 'Turned off: marketplace order ({marketplace})',
  guard_overridden: 'Turned on by you: the {marketplace} buyer will be emailed',
  guard_inactive: 'Guard inactive: check the notify box yourself',
  guard_confirm_title: 'Email the {marketplace} buyer anyway?',
  guard_confirm_keep: 'Keep it off',
  guard_confirm_send: 'Send anyway',
};

function withFallback(tr: GuardOptions['tr']): GuardOptions['tr'] {
  return (key, params) => {
    const text = tr(key, params);
    if (text !== key || !FALLBACK[key]) return text;
    return FALLBACK[key]!.replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
  };
}

function stop(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

function containsDeep(ancestor: Element, el: Element): boolean {
  let node: Node | null = el;
  while (node) {
    if (node === ancestor) return true;
    const parent: Node | null = node.parentNode;
    node = parent && (parent as ShadowRoot).host && parent.nodeType === 11 ? (parent as ShadowRoot).host : parent;
  }
  return false;
}

// ── Our marks on the page: small notes in shadow roots, looking like Polaris text ───────────────────

const TONES = {
  caution: { fg: 'var(--p-color-text-caution, rgba(79, 71, 0, 1))', bg: 'var(--p-color-bg-surface-caution, rgba(255, 248, 219, 1))', border: 'var(--p-color-border-caution, rgba(255, 235, 120, 1))' },
  critical: { fg: 'var(--p-color-text-critical, rgba(142, 11, 33, 1))', bg: 'var(--p-color-bg-surface-critical, rgba(254, 232, 235, 1))', border: 'var(--p-color-border-critical, rgba(254, 193, 199, 1))' },
} as const;

const FONT = "var(--p-font-family-sans, 'Inter', -apple-system, BlinkMacSystemFont, 'San Francisco', 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif)";

function makeNote(doc: Document, kind: string, tone: keyof typeof TONES, text: string, hint: string): HTMLElement {
  const host = doc.createElement('div');
  host.setAttribute(OWN_MARK, kind);
  // Open shadow root: the admin's CSS cannot reach in; our own DOM lookups skip it (OWN_MARK).
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  const c = TONES[tone];
  style.textContent =
    `:host{display:block;margin:var(--p-space-100, 0.25rem) 0}` +
    `p{margin:0;display:inline-flex;gap:var(--p-space-200, 0.5rem);align-items:flex-start;padding:var(--p-space-100, 0.25rem) var(--p-space-200, 0.5rem);` +
    `border-radius:var(--p-border-radius-200, 0.5rem);border:1px solid ${c.border};background:${c.bg};color:${c.fg};` +
    `font:var(--p-font-weight-medium, 550) var(--p-font-size-325, 0.8125rem)/1.4 ${FONT}}` +
    `span.hint{display:block;font-weight:var(--p-font-weight-regular, 450)}`;
  const p = doc.createElement('p');
  p.setAttribute('role', 'status');
  const icon = doc.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = tone === 'caution' ? '⊘' : '⚠';
  const body = doc.createElement('span');
  const strong = doc.createElement('span');
  strong.className = 'text';
  strong.textContent = text;
  body.append(strong);
  if (hint) {
    const small = doc.createElement('span');
    small.className = 'hint';
    small.textContent = hint;
    body.append(small);
  }
  p.append(icon, body);
  root.append(style, p);
  return host;
}

/** Our own confirmation dialog (shadow root), inside the admin's dialog when there is one so its focus trap lets us in. */
export function confirmInPage(doc: Document) {
  return (q: { title: string; body: string; keep: string; send: string }, near: Element | null): Promise<boolean> =>
    new Promise((resolve) => {
      let host: HTMLElement;
      let root: ShadowRoot;
      try {
        host = doc.createElement('div');
        host.setAttribute(OWN_MARK, 'guard-confirm');
        root = host.attachShadow({ mode: 'open' });
      } catch {
        resolve(doc.defaultView!.confirm(`${q.title}\n\n${q.body}`));
        return;
      }
      const style = doc.createElement('style');
      style.textContent =
        `.backdrop{position:fixed;inset:0;z-index:2147483646;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center;font:var(--p-font-size-325, 0.8125rem)/1.45 ${FONT};color:var(--p-color-text, rgba(48,48,48,1))}` +
        `.box{background:var(--p-color-bg-surface, #fff);border-radius:var(--p-border-radius-400, 1rem);box-shadow:var(--p-shadow-600, 0 20px 20px -8px rgba(26,26,26,.28));width:min(440px, calc(100vw - 32px));overflow:hidden}` +
        `h2{margin:0;padding:var(--p-space-300, .75rem) var(--p-space-400, 1rem);font-size:var(--p-font-size-350, .875rem);font-weight:var(--p-font-weight-semibold, 650);background:var(--p-color-bg-surface-secondary, #f7f7f7);border-bottom:1px solid var(--p-color-border-secondary, #ebebeb)}` +
        `p{margin:0;padding:var(--p-space-400, 1rem)}` +
        `.actions{display:flex;justify-content:flex-end;gap:var(--p-space-200, .5rem);padding:var(--p-space-300, .75rem) var(--p-space-400, 1rem);border-top:1px solid var(--p-color-border-secondary, #ebebeb)}` +
        `button{font:inherit;font-weight:var(--p-font-weight-medium, 550);border-radius:var(--p-border-radius-200, .5rem);padding:6px 12px;cursor:pointer;border:1px solid var(--p-color-border, #c9c9c9);background:#fff;color:inherit}` +
        `button.keep{background:var(--p-color-bg-fill-brand, #303030);color:var(--p-color-text-brand-on-bg-fill, #fff);border-color:transparent}` +
        `button.send{color:var(--p-color-text-critical, rgba(142,11,33,1))}`;
      const backdrop = doc.createElement('div');
      backdrop.className = 'backdrop';
      const box = doc.createElement('div');
      box.className = 'box';
      box.setAttribute('role', 'alertdialog');
      box.setAttribute('aria-modal', 'true');
      box.setAttribute('aria-labelledby', 'pmg-title');
      box.setAttribute('aria-describedby', 'pmg-body');
      const h = doc.createElement('h2');
      h.id = 'pmg-title';
      h.textContent = q.title;
      const p = doc.createElement('p');
      p.id = 'pmg-body';
      p.textContent = q.body;
      const actions = doc.createElement('div');
      actions.className = 'actions';
      const send = doc.createElement('button');
      send.type = 'button';
      send.className = 'send';
      send.textContent = q.send;
      const keep = doc.createElement('button');
      keep.type = 'button';
      keep.className = 'keep';
      keep.textContent = q.keep;
      actions.append(send, keep);
      box.append(h, p, actions);
      backdrop.append(box);
      root.append(style, backdrop);
      const done = (answer: boolean) => {
        host.remove();
        resolve(answer);
      };
      // Our clicks must not reach the admin (its dialog could close on an outside click).
      backdrop.addEventListener('click', (e) => {
        e.stopPropagation();
        if (e.target === backdrop) done(false);
      });
      keep.addEventListener('click', (e) => {
        e.stopPropagation();
        done(false);
      });
      send.addEventListener('click', (e) => {
        e.stopPropagation();
        done(true);
      });
      backdrop.addEventListener('keydown', (e) => {
        e.stopPropagation();
        if ((e as KeyboardEvent).key === 'Escape') done(false);
      });
      (near ?? doc.body).append(host);
      keep.focus();
    });
}

// ── The feature: is this a marketplace order? then run the guard ─────────────────────────────────────

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
    const settings = await getStoreSettings(store.handle).catch(() => defaultSettings());
    if (!settings.guardEnabled || ctx.signal.aborted) return false;

    // Our own signal: navigation aborts it, and so does the merchant switching the guard off.
    const run = new AbortController();
    ctx.signal.addEventListener('abort', () => run.abort(), { once: true });
    const unwatch = watchStoreSettings(store.handle, (next) => {
      if (!next.guardEnabled) run.abort();
    });
    run.signal.addEventListener('abort', unwatch, { once: true });

    const verdict = await orderVerdict(ctx, settings);
    if (run.signal.aborted) return false;
    const doc = ctx.document;
    const tr = await loadTexts(doc.documentElement.getAttribute('lang'));
    const base = { store, surface, orderId };
    if (!verdict) {
      const where = tr(SURFACE_KEYS[surface as GuardSurface]);
      warnUnknown(doc, run.signal, surface, tr, () => reportFeatureStatus('notify-guard', base, { inactive: true, actions: [tr('guard_status_inactive', { surface: where })] }));
      return false;
    }
    const detection = verdict.detection;
    // Ordinary orders are never touched.
    if (!detection) return false;

    const flagged = { marketplace: detection.marketplace, label: detection.label, via: detection.via };
    const actions = new Set<string>();
    let inactive = false;
    const report = () => reportFeatureStatus('notify-guard', base, { flagged, actions: [...actions], inactive });
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
        const where = tr(SURFACE_KEYS[event.place]);
        if (event.type === 'turned-off') actions.add(tr('guard_status_turned_off', { surface: where }));
        if (event.type === 'inactive') {
          inactive = true;
          actions.add(tr('guard_status_inactive', { surface: where }));
        }
        if (event.type === 'active') inactive = false;
        if (event.type === 'overridden') {
          actions.add(tr('guard_status_overridden', { surface: where }));
          void sendMessage('recordGuardOverride', { store, orderId, surface: event.place, marketplace: detection.marketplace });
        }
        report();
      },
    });
    // The admin's language can change without a navigation (its language setting): follow it.
    let lang = doc.documentElement.getAttribute('lang');
    const langObserver = new MutationObserver(async () => {
      const next = doc.documentElement.getAttribute('lang');
      if (next === lang) return;
      lang = next;
      const nextTr = await loadTexts(next);
      if (!run.signal.aborted && lang === next) guard.retranslate(nextTr, adminLang(doc));
    });
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
