/**
 * What the order list shows, as a pure function of state (like proxy-banner's `cardModel`): a badge
 * per row, and the line above the list. The DOM part (paint.ts) only paints this.
 */
import type { MessageParams } from '@/lib/i18n';
import type { ListVerdict } from '@/lib/messages';
import type { AppError } from '@/lib/result';

export type Translate = (key: string, params?: MessageParams) => string;

export interface ListJob {
  kind: 'fix' | 'undo';
  done: number;
  total: number;
}

export interface ListResult {
  kind: 'fixed' | 'undone';
  /** Orders changed by this run. */
  count: number;
  total: number;
  /** Orders that could not be changed, and the first reason. */
  failed: number;
  reason?: string;
  /** Order ids the Undo button restores (those this run fixed). */
  undoable: string[];
}

export interface ListState {
  /** unknown: waiting for the first answer; error: the API answered with another failure. */
  connection: 'unknown' | 'connected' | 'not-connected' | 'error';
  apiError: AppError | null;
  /** The rows on screen, in order: the order each shows now (null = could not be matched). */
  rows: ReadonlyArray<{ orderId: string | null }>;
  verdicts: ReadonlyMap<string, ListVerdict>;
  job: ListJob | null;
  result: ListResult | null;
  /** No order list recognised on the page in time (the admin's layout changed): say so. */
  inactive?: boolean;
}

export interface ListBadge {
  orderId: string;
  tone: 'critical' | 'success';
  text: string;
  /** Longer explanation (tooltip and screen readers). */
  title: string;
}

export interface ListButton {
  id: 'fix' | 'undo' | 'open-bulk' | 'connect';
  label: string;
  primary?: boolean;
  disabled?: boolean;
  onClick: () => void;
}

export interface ListBanner {
  tone: 'warning' | 'success' | 'critical' | 'info';
  /** First line (bold), then plain lines. */
  title: string;
  lines: string[];
  buttons: ListButton[];
  busy?: string;
  /** Outcome of the last Fix / Undo. */
  result?: { tone: 'success' | 'critical'; text: string };
  /** Shown as a corner notice: the page gave us no list to put it above. */
  floating?: boolean;
}

export interface ListModel {
  /** One entry per row of `state.rows`, same order; null = no badge on that row. */
  badges: Array<ListBadge | null>;
  banner: ListBanner | null;
  /** Orders on screen that still have a marketplace address (each counted once). */
  relay: string[];
  /** Relay orders the store's fix applies to. */
  fixable: string[];
  unmatched: number;
}

export interface ListActions {
  fix: () => void;
  undo: () => void;
  openBulk: () => void;
  connect: () => void;
}

/** Errors after which the fix is to (re)connect the store, not to retry (same list as the card). */
const CONNECTION_CODES = new Set(['not_connected', 'token_invalid', 'token_expired', 'client_credentials_rejected', 'scope_missing', 'invalid_credentials']);

export function needsConnection(error: AppError | null): boolean {
  return error !== null && CONNECTION_CODES.has(error.code);
}

function badgeFor(verdict: ListVerdict | undefined, tr: Translate): ListBadge | null {
  if (!verdict || !verdict.label) return null;
  const marketplace = verdict.label;
  if (verdict.state === 'relay' && verdict.via === 'channel') {
    return { orderId: verdict.orderId, tone: 'critical', text: tr('list_badge_channel', { marketplace }), title: tr('list_badge_title_channel', { marketplace }) };
  }
  if (verdict.state === 'relay') {
    return { orderId: verdict.orderId, tone: 'critical', text: tr('list_badge_relay', { marketplace }), title: tr('list_badge_title_relay', { marketplace }) };
  }
  if (verdict.state === 'protected') {
    return { orderId: verdict.orderId, tone: 'success', text: tr('list_badge_protected', { marketplace }), title: tr('list_badge_title_protected', { marketplace }) };
  }
  return null;
}

export function listModel(state: ListState, tr: Translate, actions: ListActions, errorText: (e: AppError) => string = (e) => e.message): ListModel {
  const unmatched = state.rows.filter((r) => r.orderId === null).length;
  if (state.inactive && state.rows.length === 0) {
    return { badges: [], relay: [], fixable: [], unmatched: 0, banner: { tone: 'critical', title: tr('list_inactive'), lines: [], buttons: [], floating: true } };
  }
  const unmatchedLine = unmatched > 0 ? [tr('list_unmatched', { count: unmatched })] : [];

  if (state.connection !== 'connected') {
    const badges = state.rows.map(() => null);
    if (state.connection === 'not-connected') {
      return {
        badges,
        relay: [],
        fixable: [],
        unmatched,
        banner: { tone: 'info', title: tr('list_connect_line'), lines: [], buttons: [{ id: 'connect', label: tr('list_connect'), onClick: actions.connect }] },
      };
    }
    if (state.connection === 'error' && state.apiError) {
      return { badges, relay: [], fixable: [], unmatched, banner: { tone: 'critical', title: tr('list_unavailable', { reason: errorText(state.apiError) }), lines: [], buttons: [] } };
    }
    return { badges, relay: [], fixable: [], unmatched, banner: null };
  }

  const badges = state.rows.map((r) => (r.orderId ? badgeFor(state.verdicts.get(r.orderId), tr) : null));
  const onScreen = [...new Set(state.rows.map((r) => r.orderId).filter((id): id is string => id !== null))];
  const relay = onScreen.filter((id) => state.verdicts.get(id)?.state === 'relay');
  const fixable = relay.filter((id) => state.verdicts.get(id)?.fixable);

  const busy = state.job
    ? tr(state.job.kind === 'fix' ? 'list_fixing' : 'list_undoing', { done: state.job.done, total: state.job.total })
    : undefined;
  const r = state.result;
  const result = r
    ? r.kind === 'fixed'
      ? {
          tone: r.failed > 0 ? ('critical' as const) : ('success' as const),
          text: [tr('list_fixed', { count: r.count, total: r.total }), r.failed > 0 ? tr('list_fix_failed', { count: r.failed, reason: r.reason ?? '' }) : ''].filter(Boolean).join(' '),
        }
      : { tone: r.failed > 0 ? ('critical' as const) : ('success' as const), text: [tr('list_undone', { count: r.count }), r.failed > 0 ? tr('list_fix_failed', { count: r.failed, reason: r.reason ?? '' }) : ''].filter(Boolean).join(' ') }
    : undefined;
  const undo: ListButton[] = r?.kind === 'fixed' && r.undoable.length > 0 && !state.job ? [{ id: 'undo', label: tr('list_undo'), onClick: actions.undo }] : [];
  const openBulk: ListButton = { id: 'open-bulk', label: tr('list_open_bulk'), onClick: actions.openBulk };

  if (relay.length > 0) {
    const lines = [...(fixable.length === 0 ? [tr('list_keep_configured')] : []), ...unmatchedLine];
    const buttons: ListButton[] = [];
    if (fixable.length > 0) buttons.push({ id: 'fix', label: tr('list_fix'), primary: true, disabled: state.job !== null, onClick: actions.fix });
    buttons.push(openBulk, ...undo);
    const title = tr('list_relay', { count: relay.length });
    return { badges, relay, fixable, unmatched, banner: { tone: 'warning', title, lines, buttons, ...(busy ? { busy } : {}), ...(result ? { result } : {}) } };
  }
  if (state.job || result) {
    return {
      badges,
      relay,
      fixable,
      unmatched,
      banner: { tone: result?.tone ?? 'info', title: result?.text ?? busy ?? '', lines: unmatchedLine, buttons: undo, ...(busy ? { busy } : {}) },
    };
  }
  if (unmatched > 0) return { badges, relay, fixable, unmatched, banner: { tone: 'info', title: unmatchedLine[0]!, lines: [], buttons: [] } };
  return { badges, relay, fixable, unmatched, banner: null };
}
