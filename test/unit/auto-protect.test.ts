/**
 * Automatic protection's pure parts: the lease rules (two browsers, one store), the cursor and memo,
 * and what the popup, the toolbar badge and the order card say for each state.
 */
import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_MS, LEASE_TTL_MS, leaseAction, mayWork, parseLease, leaseValue } from '../../lib/auto-protect/lease';
import { CURSOR_OVERLAP_MS, MEMO_LIMIT, changedQuery, countProtected, emptySweepState, fingerprint, nextCursor, protectedToday, pruneMemo, readSweepState, remember } from '../../lib/auto-protect/state';
import { autoStatusModel, cardAutoLine, statusOf, toolbarBadge, type AutoProtectStatus } from '../../lib/auto-protect/status';
import { translator } from '../../lib/i18n';

const tr = translator('en');
const errorText = (e: { code: string; message: string }) => {
  const text = tr(`err_${e.code}`);
  return text === `err_${e.code}` ? e.message : text;
};
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);

describe('lease', () => {
  it('free → take; ours with time left → keep; ours running low → renew; another browser → standby until it lapses past the skew', () => {
    expect(leaseAction(null, 'A', NOW)).toEqual({ kind: 'take', lease: { owner: 'A', until: NOW + LEASE_TTL_MS } });
    expect(leaseAction({ owner: 'A', until: NOW + LEASE_TTL_MS - 60_000 }, 'A', NOW)).toEqual({ kind: 'keep' });
    expect(leaseAction({ owner: 'A', until: NOW + 100_000 }, 'A', NOW).kind).toBe('take');
    expect(leaseAction({ owner: 'B', until: NOW + 1000 }, 'A', NOW)).toEqual({ kind: 'standby', holder: 'B', until: NOW + 1000 });
    expect(leaseAction({ owner: 'B', until: NOW - CLOCK_SKEW_MS + 1 }, 'A', NOW).kind).toBe('standby');
    expect(leaseAction({ owner: 'B', until: NOW - CLOCK_SKEW_MS - 1 }, 'A', NOW).kind).toBe('take');
  });
  it('a holder works only with a minute of lease left; damaged values read as free', () => {
    expect(mayWork({ owner: 'A', until: NOW + 61_000 }, 'A', NOW)).toBe(true);
    expect(mayWork({ owner: 'A', until: NOW + 59_000 }, 'A', NOW)).toBe(false);
    expect(mayWork({ owner: 'B', until: NOW + LEASE_TTL_MS }, 'A', NOW)).toBe(false);
    expect(parseLease(leaseValue({ owner: 'A', until: 5 }))).toEqual({ owner: 'A', until: 5 });
    expect(parseLease('{"owner":1}')).toBeNull();
    expect(parseLease('not json')).toBeNull();
  });
});

describe('cursor and memo', () => {
  it('goes back by the overlap, never forward past an order to retry, never backwards past the previous cursor; whole seconds', () => {
    const newest = Date.parse('2026-11-20T12:00:45.600Z');
    expect(nextCursor(null, newest, null)).toBe(new Date(Math.floor((newest - CURSOR_OVERLAP_MS) / 1000) * 1000).toISOString());
    expect(nextCursor(null, newest, Date.parse('2026-11-20T11:50:00.500Z'))).toBe('2026-11-20T11:50:00.000Z');
    expect(nextCursor('2026-11-20T12:00:40.000Z', newest, null)).toBe('2026-11-20T12:00:40.000Z');
    expect(nextCursor('2026-11-20T12:00:00.000Z', null, null)).toBe('2026-11-20T12:00:00.000Z');
    expect(changedQuery({ cursor: '2026-11-20T12:00:00.000Z', startId: '42' })).toBe("id:>42 AND updated_at:>='2026-11-20T12:00:00.000Z'");
    expect(changedQuery({ cursor: null, startId: null })).toBe('id:>0');
  });
  it('the memo forgets the oldest orders first; a fingerprint changes with email, tags, source (not with case)', () => {
    const memo: Record<string, string> = {};
    for (let i = MEMO_LIMIT + 500; i >= 0; i--) remember(memo, String(6_000_000_000_000 + i), 'x');
    remember(memo, '999', 'x'); // shorter id = older order
    pruneMemo(memo);
    expect(Object.keys(memo)).toHaveLength(MEMO_LIMIT);
    expect(memo['999']).toBeUndefined();
    expect(memo[String(6_000_000_000_000)]).toBeUndefined();
    expect(memo[String(6_000_000_000_000 + MEMO_LIMIT + 500)]).toBe('x');
    const base = { email: 'A@b.com', tags: ['x', 'y'], sourceName: 'web', sourceIdentifier: null };
    expect(fingerprint(base)).toBe(fingerprint({ ...base, email: 'a@B.com', tags: ['y', 'x'] }));
    expect(fingerprint(base)).not.toBe(fingerprint({ ...base, email: null }));
    expect(fingerprint(base)).not.toBe(fingerprint({ ...base, tags: ['x'] }));
  });
  it('counts today and in total; a new day starts at zero; damaged storage reads as empty', () => {
    const state = emptySweepState();
    countProtected(state, new Date(NOW), 3);
    countProtected(state, new Date(NOW + 1000), 2);
    expect(protectedToday(state, new Date(NOW))).toBe(5);
    expect(protectedToday(state, new Date(NOW + 86_400_000))).toBe(0);
    countProtected(state, new Date(NOW + 86_400_000), 1);
    expect(state.protectedTotal).toBe(6);
    expect(readSweepState({ version: 99 })).toEqual(emptySweepState());
    expect(readSweepState(JSON.parse(JSON.stringify(state))).protectedTotal).toBe(6);
  });
});

describe('what the merchant is told', () => {
  const since = '2026-11-20T09:00:00.000Z';
  const state = () => ({ ...emptySweepState(), since, lastCheckAt: new Date(NOW - 42_000).toISOString(), protectedTotal: 12, protectedToday: { day: '2026-11-20', count: 4 } });
  const status = (patch: Partial<ReturnType<typeof state>> = {}, enabled = true): AutoProtectStatus => statusOf('demo-store', enabled, enabled ? since : null, { ...state(), ...patch }, new Date(NOW));

  it('on: what it does, last check, counts; off: one line', () => {
    const on = autoStatusModel(status(), tr, new Date(NOW), errorText);
    expect(on.tone).toBe('success');
    expect(on.lines.map((l) => l.text)).toEqual(['On: new marketplace orders are fixed within a minute.', 'Last check: 42 s ago', 'Protected today: 4 · in total: 12']);
    const off = autoStatusModel(status({}, false), tr, new Date(NOW), errorText);
    expect(off.badge).toBe('Off');
    expect(off.lines[0]!.text).toMatch(/^Off\./);
  });

  it('stopped by a revoked token: says why and that it resumes by itself; the badge marks it and names the store; the card says it', () => {
    const problem = { code: 'token_invalid', message: 'The store did not accept the access token.', at: new Date(NOW - 5000).toISOString() };
    const stopped = status({ phase: 'stopped', problem, lastProblem: problem });
    const model = autoStatusModel(stopped, tr, new Date(NOW), errorText);
    expect(model.tone).toBe('critical');
    expect(model.lines[0]!.text).toBe(`Stopped: ${errorText(problem)}`);
    expect(model.lines[1]!.text).toMatch(/again by itself/);
    const badge = toolbarBadge([stopped, status()], tr, 'Proxy Mail Guard', errorText);
    expect(badge.text).toBe('!');
    expect(badge.title).toContain('demo-store');
    expect(badge.title).toContain(errorText(problem));
    expect(toolbarBadge([status()], tr, 'Proxy Mail Guard', errorText)).toMatchObject({ text: '✓', title: 'Proxy Mail Guard\nAutomatic protection on for demo-store' });
    expect(toolbarBadge([status({}, false)], tr, 'Proxy Mail Guard', errorText).text).toBe('');
    expect(cardAutoLine(stopped, tr, errorText)).toContain(errorText(problem));
    expect(cardAutoLine(status(), tr, errorText)).toBeNull();
  });

  it('the last problem stays visible after it is solved, naming the order when it was about one', () => {
    const last = { code: 'user_error', message: 'Shopify refused the change (email): Email is invalid', at: new Date(NOW - 120_000).toISOString(), order: '#1042' };
    const model = autoStatusModel(status({ lastProblem: last }), tr, new Date(NOW), errorText);
    expect(model.tone).toBe('success');
    expect(model.lines.at(-1)!.text).toContain('#1042');
  });

  it('a state from an earlier switch-on is not this one: waiting for the first check', () => {
    const s = statusOf('demo-store', true, '2026-11-21T00:00:00.000Z', state(), new Date(NOW));
    expect(s.phase).toBe('waiting');
    expect(s.lastCheckAt).toBeNull();
  });
});
