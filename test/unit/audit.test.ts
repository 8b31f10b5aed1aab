import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { AuditLog, openGuardDb, type AuditEntry } from '../../lib/audit';

function entry(i: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: `e${i}`,
    kind: 'fix',
    store: 'demo-store',
    orderId: String(1000 + (i % 3)),
    orderName: `#${1000 + i}`,
    marketplace: 'amazon',
    before: `buyer${i}@marketplace.amazon.com`,
    after: null,
    strategy: { kind: 'strip' },
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(i / 7))).toISOString(),
    status: 'pending',
    ...over,
  };
}

describe('audit log', () => {
  it('creates the database with its indexes on an injected factory', async () => {
    const db = await openGuardDb(new IDBFactory());
    expect([...db.objectStoreNames]).toContain('audit');
    const tx = db.transaction('audit');
    expect([...tx.store.indexNames].sort()).toEqual(['at', 'batch', 'marketplace', 'order']);
    db.close();
  });

  it('adds, updates, and finds entries by order and batch', async () => {
    const log = new AuditLog(await openGuardDb(new IDBFactory()));
    await log.add(entry(1, { batchId: 'b1' }));
    await log.add(entry(4, { batchId: 'b1' }));
    await log.add(entry(2));
    const updated = await log.update('e1', { status: 'done', after: '' });
    expect(updated).toMatchObject({ status: 'done', after: '', before: 'buyer1@marketplace.amazon.com' });
    expect(await log.update('missing', { status: 'done' })).toBeNull();
    expect((await log.forOrder('demo-store', '1001')).map((e) => e.id)).toEqual(['e1', 'e4']);
    expect((await log.forBatch('b1')).map((e) => e.id)).toEqual(['e1', 'e4']);
    expect(await log.forOrder('other-store', '1001')).toEqual([]);
  });

  it('streams every entry exactly once, oldest first, across chunks with equal times', async () => {
    const db = await openGuardDb(new IDBFactory());
    const log = new AuditLog(db);
    const tx = db.transaction('audit', 'readwrite');
    for (let i = 0; i < 1200; i++) void tx.store.put(entry(i, { at: i < 700 ? '2026-01-01T00:00:00.000Z' : `2026-01-02T00:00:${String(i % 60).padStart(2, '0')}.000Z` }));
    await tx.done;
    const seen: string[] = [];
    for await (const e of log.entries()) seen.push(e.id);
    expect(seen.length).toBe(1200);
    expect(new Set(seen).size).toBe(1200);
  }, 30_000);
});
