/** The audit view over bulk jobs: filters, paging, CSV escaping and the formula-injection guard. */
import { describe, expect, it } from 'vitest';
import { BulkEngine } from '../../lib/bulk';
import { auditCsv, auditRows, queryAudit } from '../../lib/bulk/audit-view';
import { csvCell, csvLine } from '../../lib/bulk/csv';
import { MemoryBulkApi, openTestDb, seedOrders, testClassifier } from './bulk-fakes';

describe('csv', () => {
  it('quotes commas, quotes and line breaks and guards formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+123')).toBe("'+123");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(null)).toBe('');
    expect(csvCell('plain@example.com')).toBe('plain@example.com');
    expect(csvLine(['#1001', '1', null])).toBe('#1001,1,\r\n');
  });
});

describe('audit view', () => {
  it('lists every bulk change with its batch, filters it, and exports it', async () => {
    const orders = seedOrders(120);
    orders[0]!.name = '=cmd|calc';
    const api = new MemoryBulkApi(orders);
    const { store } = await openTestDb();
    const e = new BulkEngine({ store, apiFor: () => api, classifierFor: () => testClassifier({ ebay: { kind: 'strip' } }), sleep: () => Promise.resolve() });
    const scan = await e.startScan('demo-store');
    await e.idle();
    const batch = scan.ok ? scan.value.id : '';
    api.orderFaults.set('1001', 'user_error');
    await e.start(batch);
    await e.idle();
    const all = await queryAudit(auditRows(store), {}, { limit: 1000 });
    expect(all.matched).toBe(60);
    expect(all.rows.filter((r) => r.result === 'failed').map((r) => [r.orderId, r.reason])).toEqual([['1001', 'user_error']]);
    const ebay = await queryAudit(auditRows(store), { marketplace: 'ebay', result: 'changed' }, { limit: 5 });
    expect(ebay.matched).toBe(19);
    expect(ebay.rows[0]).toMatchObject({ batchId: batch, strategy: 'strip', after: null, kind: 'fix' });
    const one = await queryAudit(auditRows(store), { order: '#1010' });
    expect(one.rows.map((r) => r.orderId)).toEqual(['1010']);
    expect((await queryAudit(auditRows(store), { batchId: 'nope' })).matched).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await queryAudit(auditRows(store), { from: today, to: today })).matched).toBe(60);
    expect((await queryAudit(auditRows(store), { to: '2000-01-01' })).matched).toBe(0);

    const csv = await auditCsv(auditRows(store), {});
    expect(csv.rows).toBe(60);
    const lines = csv.csv.split('\r\n');
    expect(lines[0]).toBe('order name,order id,marketplace,before,after,strategy,when,result,reason,batch');
    expect(lines.find((l) => l.startsWith("'=cmd|calc,1000,Amazon,buyer0x7q@marketplace.amazon.com,blacklisted-buyer0x7q@marketplace.amazon.com,prefix:blacklisted-,"))).toBeTruthy();

    const undo = await e.undoBatch(batch);
    await e.idle();
    const undone = await queryAudit(auditRows(store), { batchId: batch, order: '1000' });
    expect(undone.rows.map((r) => [r.kind, r.before, r.after])).toEqual([
      ['undo', 'blacklisted-buyer0x7q@marketplace.amazon.com', 'buyer0x7q@marketplace.amazon.com'],
      ['fix', 'buyer0x7q@marketplace.amazon.com', 'blacklisted-buyer0x7q@marketplace.amazon.com'],
    ]);
    expect(undo.ok).toBe(true);
  });
});
