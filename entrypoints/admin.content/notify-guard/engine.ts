/**
 * The notify guard's DOM engine: on one admin page, finds every customer-notification checkbox
 * (lib/admin-dom), un-ticks it with a real click so the admin's own React state follows, labels it
 * "Turned off: marketplace order (Amazon)" in the admin's language, re-applies whenever the admin
 * re-renders, and asks before a box goes back on (recording the override through `onEvent`). Where a
 * box is expected but not found it says "guard inactive: check the notify box yourself".
 * It knows nothing about orders: features/notify-guard.ts decides for which orders it runs.
 */
import { dialogKind, findDialogs, findMainArea, findNotifyBoxes, isBoxChecked, notifyLabelAnchor } from '@/lib/admin-dom';
import type { DialogKind, NotifyLang } from '@/lib/notify-words';
import { confirmInPage, makeNote } from './notes';

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
    let yes: boolean;
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

export function withFallback(tr: GuardOptions['tr']): GuardOptions['tr'] {
  return (key, params) => {
    const text = tr(key, params);
    if (text !== key || !FALLBACK[key]) return text;
    return FALLBACK[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
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
