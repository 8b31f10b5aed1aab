/**
 * The Flow status and an order the merchant undid: the undo writes `fixed_by: undone` over Flow's
 * `flow` (lib/shopify/email-change.ts). Such an order is not "protected by Flow", and it is no sign of
 * a workflow that missed orders either (it was fixed, then put back by choice).
 */
import { describe, expect, it } from 'vitest';
import { flowHealth, newestFlowFix, type FlowOrder } from '../../lib/flow/health';
import { flowSetupFor } from '../../lib/flow/setup';
import { FIXED_BY_UNDONE, protectedByFlow, type OrderFacts } from '../../lib/order-facts';
import { blankFacts } from '../fixtures/order-facts';
import { defaultSettings } from '../../lib/settings';

const settings = { ...defaultSettings(), domain: 'mystore.com' };
const setupAt = new Date('2026-11-20T09:00:00Z');
const now = new Date('2026-11-20T12:00:00Z');
const setup = flowSetupFor(settings, setupAt);

const facts = (n: number, o: Partial<OrderFacts>): OrderFacts =>
  blankFacts({ orderId: String(n), name: `#${n}`, sourceName: 'amazon', sourceIdentifier: `114-394168${n}-8772232`, ...o });
const order = (n: number, o: Partial<OrderFacts>): FlowOrder => ({ facts: facts(n, o), createdAt: `2026-11-20T10:0${n}:00Z`, flowVersion: null });
const relay = (n: number) => `buyer${n}x7q@marketplace.amazon.com`;

describe('Flow status with undone orders', () => {
  it('an order undone after a Flow fix is neither "protected by Flow" nor counted as one the workflow missed', () => {
    const byFlow = order(1, { email: null, originalEmail: relay(1), fixedBy: 'flow', fixedAt: '2026-11-20T10:01:05Z' });
    const undone = [2, 3].map((n) => order(n, { email: relay(n), fixedBy: FIXED_BY_UNDONE, fixedAt: '2026-11-20T11:00:00Z' }));
    for (const u of undone) expect(protectedByFlow(u.facts)).toBe(false);
    expect(newestFlowFix([byFlow, ...undone])).toBe(byFlow);
    const health = flowHealth([byFlow, ...undone], settings, setup, 'v', now);
    expect(health.lastFixed).toEqual({ order: '#1', at: '2026-11-20T10:01:05.000Z' });
    expect(health.unfixed).toEqual({ count: 0, latest: null });
    expect(health.warn).toBe(false);
  });

  it('relay orders the workflow left as they arrived still count (the control)', () => {
    const missed = [2, 3].map((n) => order(n, { email: relay(n) }));
    const health = flowHealth(missed, settings, setup, 'v', now);
    expect(health.unfixed.count).toBe(2);
    expect(health.warn).toBe(true);
  });
});
