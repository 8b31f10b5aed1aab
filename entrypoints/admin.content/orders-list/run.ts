/**
 * The order list feature, loaded only on the list (entrypoints/orders-list.ts, so the script that
 * runs on every admin page stays small): row badges from one verdicts request per screen, the line
 * above the list with "Fix them" / "Open bulk fix", and the bulk-fulfil guard.
 *
 * Rows are volatile (re-render, sort, paginate, search, re-used <tr> nodes): every mutation burst
 * re-reads which order each row shows (lib/admin-dom) and repaints, synchronously in the observer's
 * callback, so a badge never outlives its order on a re-used row, not even for one frame. Verdicts are
 * cached for this visit of the list: re-renders and going back to a page ask nothing again.
 */
import {
  adminLang,
  bulkFulfilNowButton,
  findDialogs,
  findNotifyBoxes,
  findListSlot,
  findOrdersList,
  hasListLayout,
  readRow,
  selectedRows,
  type OrdersList,
} from '@/lib/admin-dom';
import type { ListVerdict } from '@/lib/messages';
import type { sendMessage as SendMessage } from '@/lib/messaging';
import type { AppError } from '@/lib/result';
import type { StoreRef } from '@/lib/store-ref';
import { keyTranslator, statusLine, toStatusLine, type StatusLine } from '@/lib/status-line';
import type { FeatureContext } from '../features/registry';
import type { reportFeatureStatus as ReportFeatureStatus } from '../page-status';
import { createNotifyGuard, type GuardEvent } from '../notify-guard/engine';
import { makeNote } from '../notify-guard/notes';
import { errorText, loadTexts } from '../texts';
import { askBulk } from './ask';
import { listModel, needsConnection, type ListModel, type ListState, } from './model';
import { createBadgePainter, createBanner } from './paint';

/**
 * What the content script lends this script: its messaging and its page-status report (one merged
 * status per tab). Texts are loaded by this script's own copy of ../texts, because loading them also
 * registers the admin language's notify words in the word registry THIS script's guard reads.
 */
export interface ListDeps {
  send: typeof SendMessage;
  report: typeof ReportFeatureStatus;
}


/** Fixes and undos in flight at once (the background's queue paces them against the cost budget). */
const FIX_CONCURRENCY = 3;
/** Gather the ids of a burst of rows (a page rendering in parts) into one request. */
const ASK_DEBOUNCE_MS = 25;
/** How long the list may take to render its rows before we say we do not recognise it (as the card). */
const ANCHOR_TIMEOUT_MS = 6000;

export async function startOrdersList(ctx: FeatureContext, deps: ListDeps): Promise<boolean> {
  const { document: doc, signal } = ctx;
  const store: StoreRef = ctx.location.store;
  const view = doc.defaultView;
  if (!view) return false;
  let lang = doc.documentElement.getAttribute('lang');
  let tr = await loadTexts(lang);
  if (signal.aborted) return false;

  const verdicts = new Map<string, ListVerdict>();
  const state: ListState = { connection: 'unknown', apiError: null, rows: [], verdicts, job: null, result: null };
  const asked = new Set<string>();
  let list: OrdersList | null = null;
  let model: ListModel | null = null;
  const painter = createBadgePainter(doc);
  const banner = createBanner(doc);

  const actions = {
    fix: () => void runJob('fix', model?.fixable ?? []),
    undo: () => void runJob('undo', state.result?.undoable ?? []),
    openBulk: () => void deps.send('openBulkFix', { store }).then(showError),
    connect: () => void deps.send('openConnect', { store }).then(showError),
  };

  function showError(answer: { ok: boolean; error?: AppError }) {
    if (answer.ok || !answer.error || signal.aborted) return;
    state.result = { kind: 'fixed', count: 0, total: 0, failed: 1, reason: errorText(tr, answer.error), undoable: [] };
    render();
  }

  function read(): void {
    list = findOrdersList(doc, list?.table ?? null);
    state.rows = list ? list.rows.map((r) => ({ orderId: r.orderId })) : [];
  }

  const statusLines = (banner: ListModel['banner']): StatusLine[] => (banner ? [banner.title, ...banner.lines].map(toStatusLine) : []);

  function render(): void {
    if (signal.aborted) return;
    model = listModel(state, tr, actions, (e) => errorText(tr, e));
    painter.paint(list?.rows ?? [], model.badges);
    if (model.banner?.floating) {
      if (banner.host.parentElement !== doc.body) doc.body.append(banner.host);
      banner.render(model.banner);
    } else {
      const slot = list ? findListSlot(doc, list.table) : null;
      if (slot && (banner.host.parentElement !== slot.parent || banner.host.nextElementSibling !== slot.before)) slot.parent.insertBefore(banner.host, slot.before);
      banner.render(slot ? model.banner : null);
    }
    deps.report('orders-list', { store, surface: 'order-list', orderId: null }, {
      flagged: null,
      // The same model in message keys, for the popup (it speaks the browser's language).
      actions: model.banner ? statusLines(listModel(state, keyTranslator, actions, (e) => errorText(keyTranslator, e)).banner) : [],
      inactive: Boolean(state.inactive && !list),
    });
    if (progressListener && state.job) progressListener(state.job.done, state.job.total);
  }

  /** Progress of the running job, also shown in our bulk question while it fixes addresses. */
  let progressListener: ((done: number, total: number) => void) | null = null;

  // ── Verdicts: one request for the rows on screen that we do not know yet ─────────────────────────
  let askTimer: number | undefined;
  function askMissing(): void {
    if (state.connection === 'not-connected' || state.connection === 'error') return;
    const missing = state.rows.map((r) => r.orderId).filter((id): id is string => id !== null && !state.verdicts.has(id) && !asked.has(id));
    if (missing.length === 0 || askTimer !== undefined) return;
    askTimer = view!.setTimeout(() => {
      askTimer = undefined;
      const ids = [...new Set(state.rows.map((r) => r.orderId).filter((id): id is string => id !== null && !state.verdicts.has(id) && !asked.has(id)))];
      if (ids.length) void ask(ids);
    }, ASK_DEBOUNCE_MS);
  }

  async function ask(ids: string[], refresh = false): Promise<void> {
    for (const id of ids) asked.add(id);
    const answer = await deps.send('listVerdicts', { store, orderIds: ids.slice(0, 250) });
    if (signal.aborted) return;
    if (!answer.ok) {
      for (const id of ids) asked.delete(id);
      if (refresh) return;
      state.connection = needsConnection(answer.error) ? 'not-connected' : 'error';
      state.apiError = answer.error;
      painter.clear();
      read();
      render();
      return;
    }
    state.connection = 'connected';
    state.apiError = null;
    for (const v of answer.value.verdicts) verdicts.set(v.orderId, v);
    // For `npm run bench` (listBadgesMs): verdicts arrived → badges painted. Marks carry no page data.
    performance.mark('pmg:list:verdicts');
    read();
    render();
    performance.mark('pmg:list:painted');
    askMissing();
    updateGuard();
  }

  // ── "Fix them" and its Undo: the card's change path, one order at a time, with progress ─────────
  async function runJob(kind: 'fix' | 'undo', ids: readonly string[]): Promise<string[]> {
    if (state.job || ids.length === 0) return [];
    const total = ids.length;
    state.job = { kind, done: 0, total };
    state.result = null;
    render();
    const changed: string[] = [];
    let failed = 0;
    let reason: string | undefined;
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined && !signal.aborted; id = queue.shift()) {
        const answer = kind === 'fix' ? await deps.send('fixListedOrder', { store, orderId: id }) : await deps.send('undoFix', { store, orderId: id });
        if (answer.ok) {
          if (answer.value.changed || kind === 'undo') changed.push(id);
          const before = state.verdicts.get(id);
          if (before) verdicts.set(id, { ...before, state: kind === 'fix' ? 'protected' : 'relay', fixable: kind === 'undo' });
        } else {
          failed++;
          reason ??= errorText(tr, answer.error);
        }
        if (state.job) state.job = { ...state.job, done: state.job.done + 1 };
        render();
      }
    };
    await Promise.all(Array.from({ length: Math.min(FIX_CONCURRENCY, ids.length) }, worker));
    if (signal.aborted) return changed;
    state.job = null;
    state.result = { kind: kind === 'fix' ? 'fixed' : 'undone', count: changed.length, total, failed, ...(reason ? { reason } : {}), undoable: kind === 'fix' ? changed : [] };
    render();
    // The shared classification has the last word on what the orders are now.
    if (changed.length) void ask(changed, true);
    return changed;
  }

  // ── Bulk actions on a selection ──────────────────────────────────────────────────────────────────
  const selectedRelay = (): ListVerdict[] => {
    if (!list) return [];
    const seen = new Set<string>();
    return selectedRows(list)
      .map((r) => (r.orderId ? state.verdicts.get(r.orderId) : undefined))
      .filter((v): v is ListVerdict => v?.state === 'relay' && !seen.has(v.orderId) && Boolean(seen.add(v.orderId)));
  };
  const labelsOf = (vs: ListVerdict[]) => [...new Set(vs.map((v) => v.label ?? v.marketplace ?? ''))].filter(Boolean);

  // Where the admin shows a notify choice for the selection (a dialog), the notify guard covers it
  // while the selection holds relay orders — the same engine, words and "guard inactive" as elsewhere.
  let guard: { key: string; controller: AbortController } | null = null;
  const actionsSeen = new Map<string, StatusLine>();
  function updateGuard(): void {
    const relay = selectedRelay();
    const labels = labelsOf(relay);
    const key = labels.join(', ');
    if (guard && guard.key === key) return;
    if (guard && relay.length > 0 && findDialogs(doc).length > 0) return; // keep guarding the open dialog
    guard?.controller.abort();
    guard = null;
    if (relay.length === 0) return;
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    guard = { key, controller };
    createNotifyGuard({
      doc,
      signal: controller.signal,
      surface: 'order',
      tr,
      words: adminLang(doc),
      marketplace: { id: relay[0]!.marketplace ?? 'custom', label: key },
      expectBoxes: true,
      onEvent: (event: GuardEvent) => {
        if (event.type === 'overridden') {
          for (const v of selectedRelay()) void deps.send('recordGuardOverride', { store, orderId: v.orderId, surface: 'order-list', marketplace: v.marketplace ?? '' });
        }
        const line = statusLine(`guard_status_${event.type === 'turned-off' ? 'turned_off' : event.type}`, { surface: statusLine('guard_surface_fulfil') });
        actionsSeen.set(JSON.stringify(line), line);
        deps.report('orders-list', { store, surface: 'order-list', orderId: null }, { actions: [...actionsSeen.values()], inactive: event.type === 'inactive' });
      },
    });
  }

  // A notify choice for a selection we cannot judge (not connected, or rows we could not match or
  // have no verdict for): say the guard is inactive there rather than stay silent.
  const inactiveNotes = new Map<Element, HTMLElement>();
  function markUndecidedDialogs(): void {
    const selected = list ? selectedRows(list) : [];
    const undecided = selected.length > 0 && (state.connection !== 'connected' || selected.some((r) => !r.orderId || !verdicts.has(r.orderId)));
    for (const [dialog, note] of [...inactiveNotes]) {
      if (!dialog.isConnected || !undecided) {
        note.remove();
        inactiveNotes.delete(dialog);
      }
    }
    if (!undecided) return;
    const words = adminLang(doc);
    for (const dialog of findDialogs(doc)) {
      if (inactiveNotes.has(dialog) || findNotifyBoxes(dialog, { lang: words }).boxes.length === 0) continue;
      const note = makeNote(doc, 'guard-inactive', 'critical', tr('guard_inactive'), tr('guard_unknown_hint'));
      note.setAttribute('role', 'alert');
      dialog.prepend(note);
      inactiveNotes.set(dialog, note);
      deps.report('orders-list', { store, surface: 'order-list', orderId: null }, { inactive: true, actions: [statusLine('guard_status_inactive', { surface: statusLine('guard_surface_fulfil') })] });
    }
  }

  // Where the admin would fulfil a selection holding relay orders without asking: ask first.
  let ourClick = false;
  let asking = false;
  const onClick = (event: Event) => {
    if (ourClick) return;
    const button = bulkFulfilNowButton(event.composedPath(), list);
    if (!button) return;
    if (asking) {
      stop(event);
      return;
    }
    // Verdicts for the selection still on their way: hold the click until they arrive (the merchant
    // was quicker than the API), then decide.
    const unknown = state.connection !== 'not-connected' && state.connection !== 'error' && list
      ? selectedRows(list).map((r) => r.orderId).filter((id): id is string => id !== null && !verdicts.has(id))
      : [];
    if (unknown.length > 0) {
      stop(event);
      asking = true;
      void ask(unknown, true).then(() => {
        asking = false;
        if (signal.aborted) return;
        const relay = selectedRelay();
        if (relay.length > 0) void askThenFulfil(button, relay);
        else clickThrough(button);
      });
      return;
    }
    const relay = selectedRelay();
    if (relay.length === 0) return;
    stop(event);
    void askThenFulfil(button, relay);
  };

  function clickThrough(button: Element): void {
    ourClick = true;
    try {
      (button as HTMLElement).click();
    } finally {
      ourClick = false;
    }
  }

  async function askThenFulfil(button: Element, relay: ListVerdict[]): Promise<void> {
    asking = true;
    const fixable = relay.filter((v) => v.fixable).map((v) => v.orderId);
    const q = askBulk(doc, {
      title: tr('list_bulk_title', { count: relay.length, marketplaces: labelsOf(relay).join(', ') }),
      body: tr('list_bulk_body'),
      fixFirst: fixable.length === relay.length ? tr('list_bulk_fix_first') : null,
      anyway: tr('list_bulk_anyway'),
      cancel: tr('list_bulk_cancel'),
    });
    try {
      const answer = await q.answer;
      if (answer === 'cancel' || signal.aborted) return;
      if (answer === 'fix-first') {
        progressListener = (done, total) => q.progress(tr('list_bulk_fixing', { done, total }));
        await runJob('fix', fixable);
        progressListener = null;
        // Fulfil only when every relay order of the selection is protected now; else the line above
        // the list says what failed and nothing is fulfilled.
        if (signal.aborted || fixable.some((id) => state.verdicts.get(id)?.state === 'relay')) return;
      } else {
        for (const v of relay) void deps.send('recordGuardOverride', { store, orderId: v.orderId, surface: 'order-list', marketplace: v.marketplace ?? '' });
      }
      q.close();
      clickThrough(button);
    } finally {
      asking = false;
      q.close();
    }
  }

  doc.addEventListener('click', onClick, { capture: true, signal });
  // Selection changes are property changes on the row checkboxes (no DOM mutation): follow the events.
  const onSelection = () => view.setTimeout(() => !signal.aborted && updateGuard(), 0);
  doc.addEventListener('change', onSelection, { capture: true, signal });
  doc.addEventListener('click', onSelection, { capture: true, signal });

  // ── Following the page ───────────────────────────────────────────────────────────────────────────
  const pass = () => {
    if (signal.aborted) return;
    painter.dropStale((row) => readRow(row).orderId);
    read();
    render();
    askMissing();
    markUndecidedDialogs();
    updateGuard();
  };
  const observer = new view.MutationObserver(pass);
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href', 'aria-checked', 'hidden'] });
  const anchorTimer = view.setTimeout(() => {
    if (signal.aborted || list || hasListLayout(doc)) return;
    state.inactive = true;
    render();
  }, ANCHOR_TIMEOUT_MS);
  const followLanguage = async () => {
    const next = doc.documentElement.getAttribute('lang');
    if (next === lang) return;
    lang = next;
    const nextTr = await loadTexts(next);
    if (signal.aborted || lang !== next) return;
    tr = nextTr;
    guard?.controller.abort();
    guard = null;
    render();
    updateGuard();
  };
  const langObserver = new view.MutationObserver(() => void followLanguage());
  langObserver.observe(doc.documentElement, { attributes: true, attributeFilter: ['lang'] });
  // Connected in the popup meanwhile: try again when the merchant comes back to this tab.
  const onFocus = () => {
    if (state.connection !== 'not-connected' || signal.aborted) return;
    state.connection = 'unknown';
    state.apiError = null;
    asked.clear();
    pass();
  };
  view.addEventListener('focus', onFocus, { signal });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      langObserver.disconnect();
      if (askTimer !== undefined) view.clearTimeout(askTimer);
      view.clearTimeout(anchorTimer);
      painter.clear();
      banner.host.remove();
      for (const note of inactiveNotes.values()) note.remove();
    },
    { once: true },
  );
  pass();
  return true;
}

function stop(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}
