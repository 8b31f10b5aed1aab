/**
 * One budget, two priorities: the order card (interactive) goes before the bulk job and the automatic
 * sweep (background), which leave a cushion of points in the bucket for it.
 */
import { describe, expect, it } from 'vitest';
import { RequestQueue, type Sent } from '../../lib/shopify/queue';
import type { QueryCost } from '../../lib/shopify/bucket';
import type { Clock } from '../../lib/shopify/clock';

function manualClock() {
  let now = 0;
  const sleepers: { at: number; wake: () => void }[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: (ms) => new Promise<void>((resolve) => sleepers.push({ at: now + ms, wake: resolve })),
    random: () => 0.5,
  };
  const advance = async (ms: number) => {
    now += ms;
    for (const s of sleepers.splice(0).sort((a, b) => a.at - b.at)) {
      if (s.at <= now) s.wake();
      else sleepers.push(s);
    }
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { clock, advance };
}

const cost = (requested: number, available: number): QueryCost => ({
  requestedQueryCost: requested,
  actualQueryCost: requested,
  throttleStatus: { maximumAvailable: 1000, currentlyAvailable: available, restoreRate: 50 },
});

describe('request queue priorities', () => {
  it('sends a waiting interactive request before every waiting background one', async () => {
    const { clock, advance } = manualClock();
    const queue = new RequestQueue(clock, 6);
    const order: string[] = [];
    let level = 400;
    const send = (name: string) => async (): Promise<Sent<string>> => {
      order.push(name);
      level -= 100;
      return { value: name, cost: cost(100, level) };
    };
    // The first answer teaches the queue the bucket (and that this document costs 100).
    level = 250;
    await queue.run('doc', send('first'), { priority: 'background' });
    const all = [1, 2, 3].map((i) => queue.run('doc', send(`bg${i}`), { priority: 'background' }));
    await advance(0);
    all.push(queue.run('doc', send('card')));
    await advance(0);
    for (let i = 0; i < 20 && order.length < 5; i++) {
      level += 50;
      await advance(1000);
    }
    await Promise.all(all);
    // 150 points left: the background request needs 100 + the reserve and waits; the card goes at once.
    expect(order).toEqual(['first', 'card', 'bg1', 'bg2', 'bg3']);
  });

  it('background requests wait while the bucket is at the reserve; interactive ones do not', async () => {
    const { clock, advance } = manualClock();
    const queue = new RequestQueue(clock, 4);
    const sent: string[] = [];
    // The server says: 1000-point bucket, 50 points left (below the reserve of 60).
    await queue.run('x', async () => ({ value: 0, cost: cost(10, 50) }));
    const bg = queue.run('x', async () => (sent.push('bg'), { value: 1, cost: cost(10, 30) }), { priority: 'background' });
    const card = queue.run('x', async () => (sent.push('card'), { value: 2, cost: cost(10, 20) }));
    await advance(0);
    expect(sent).toEqual(['card']);
    await advance(900);
    expect(sent).toEqual(['card']);
    // 50 points/s: a little over a second later the bucket holds reserve + cost again.
    await advance(200);
    await Promise.all([bg, card]);
    expect(sent).toEqual(['card', 'bg']);
  });
});
