/**
 * What the merchant is told about the automatic protection — popup lines, the toolbar badge, the line on
 * the order card — as pure functions of the stores' status, so every rule reads in one place and is
 * tested without a browser (the platform parts only paint).
 */
import type { Translate } from '../i18n';
import type { AppError } from '../result';
import { protectedToday, type SweepProblem, type SweepState } from './state';

/** What the background tells the popup and the card about one store (lib/platform/handlers/auto-protect.ts). */
export interface AutoProtectStatus {
  store: string;
  enabled: boolean;
  /** Switched on at (ISO). */
  since: string | null;
  phase: SweepState['phase'] | 'off' | 'waiting';
  lastCheckAt: string | null;
  protectedToday: number;
  protectedTotal: number;
  problem: SweepProblem | null;
  lastProblem: SweepProblem | null;
  standbyUntil: number | null;
}

export function statusOf(store: string, enabled: boolean, since: string | null, state: SweepState | null, now: Date): AutoProtectStatus {
  const fresh = !!state && state.since === since;
  return {
    store,
    enabled,
    since,
    phase: !enabled ? 'off' : !fresh || !state.lastCheckAt ? 'waiting' : state.phase,
    lastCheckAt: fresh ? state.lastCheckAt : null,
    protectedToday: state ? protectedToday(state, now) : 0,
    protectedTotal: state?.protectedTotal ?? 0,
    problem: enabled && fresh ? state.problem : null,
    lastProblem: state?.lastProblem ?? null,
    standbyUntil: fresh && state.phase === 'standby' ? (state.standbyUntil ?? null) : null,
  };
}

export interface StatusLine {
  text: string;
  tone?: 'critical' | 'warning' | 'success' | 'subdued';
}

export interface AutoStatusModel {
  tone: 'success' | 'critical' | 'warning' | 'subdued';
  /** "On", "Stopped", … */
  badge: string;
  lines: StatusLine[];
}

/** "2 minutes ago", in the merchant's words. */
export function ago(iso: string | null, now: Date, tr: Translate): string {
  if (!iso) return tr('auto_never');
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  if (seconds < 60) return tr('auto_ago_seconds', { n: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return tr('auto_ago_minutes', { n: minutes });
  return tr('auto_ago_hours', { n: Math.round(minutes / 60) });
}

/** The popup's status block for one store. `errorText` turns a coded error into the merchant's sentence. */
export function autoStatusModel(status: AutoProtectStatus, tr: Translate, now: Date, errorText: (e: AppError) => string): AutoStatusModel {
  const lines: StatusLine[] = [];
  const counts = tr('auto_counts', { today: status.protectedToday, total: status.protectedTotal });
  if (status.phase === 'off') {
    lines.push({ text: tr('auto_off_line') });
    if (status.protectedTotal > 0) lines.push({ text: counts, tone: 'subdued' });
    return { tone: 'subdued', badge: tr('auto_badge_off'), lines };
  }
  let tone: AutoStatusModel['tone'] = 'success';
  let badge = tr('auto_badge_on');
  if (status.phase === 'stopped' && status.problem) {
    tone = 'critical';
    badge = tr('auto_badge_stopped');
    lines.push({ text: tr('auto_stopped_line', { reason: errorText(status.problem) }), tone: 'critical' });
    lines.push({ text: tr('auto_resumes_line') });
  } else if (status.phase === 'retrying' && status.problem) {
    tone = 'warning';
    lines.push({ text: tr('auto_retrying_line', { reason: errorText(status.problem) }), tone: 'warning' });
  } else if (status.phase === 'standby') {
    lines.push({ text: tr('auto_standby_line') });
  } else if (status.phase === 'waiting') {
    lines.push({ text: tr('auto_waiting_line') });
  } else {
    lines.push({ text: tr('auto_on_line') });
  }
  lines.push({ text: tr('auto_last_check', { when: ago(status.lastCheckAt, now, tr) }), tone: 'subdued' });
  lines.push({ text: counts });
  // The last problem stays visible after it is solved (or when it was about one order).
  const last = status.lastProblem;
  if (last && (!status.problem || status.problem.at !== last.at)) {
    lines.push({ text: tr('auto_last_problem', { when: ago(last.at, now, tr), reason: last.order ? tr('auto_problem_order', { order: last.order, reason: errorText(last) }) : errorText(last) }), tone: 'subdued' });
  }
  return { tone, badge, lines };
}

export interface ToolbarBadge {
  text: string;
  color: string;
  title: string;
}

/**
 * The toolbar badge over every store: a mark and the store's name when protection stopped anywhere
 * (that is what needs the merchant), a quiet mark while it is on, nothing when it is off everywhere.
 */
export function toolbarBadge(statuses: AutoProtectStatus[], tr: Translate, extName: string, errorText: (e: AppError) => string): ToolbarBadge {
  const stopped = statuses.filter((s) => s.enabled && s.phase === 'stopped' && s.problem);
  if (stopped.length > 0) {
    return {
      text: '!',
      color: '#C70A24',
      title: [extName, ...stopped.map((s) => tr('auto_badge_title_stopped', { store: s.store, reason: errorText(s.problem!) }))].join('\n'),
    };
  }
  const on = statuses.filter((s) => s.enabled);
  if (on.length > 0) {
    return { text: '✓', color: '#29845A', title: [extName, ...on.map((s) => tr('auto_badge_title_on', { store: s.store }))].join('\n') };
  }
  return { text: '', color: '#29845A', title: extName };
}

/** The line on the order card when automatic protection is stopped for this store (null otherwise). */
export function cardAutoLine(status: AutoProtectStatus | null, tr: Translate, errorText: (e: AppError) => string): string | null {
  if (!status || status.phase !== 'stopped' || !status.problem) return null;
  return tr('card_auto_stopped', { reason: errorText(status.problem) });
}
