/**
 * The CSV a merchant downloads from the dashboard, made the way production makes it: entries in the
 * extension's IndexedDB audit log (what the card, the bulk job and the sweep write), exported by the
 * background's `auditExportCsv` handler through typed messaging. A cell that a spreadsheet would run
 * as a formula (= + - @, tab, CR) must reach the file as text.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { sendMessage } from '../../lib/messaging';
import { registerBulkHandlers } from '../../lib/platform/handlers/bulk';
import { auditLogInstance, resetApiRegistry } from '../../lib/platform/api';
import { newAuditId, type AuditEntry } from '../../lib/audit';

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF rows) — the spreadsheet's view of the file. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const DANGEROUS = ['=HYPERLINK("http://evil.example","click")', '+1+cmd|"/C calc"!A0', '-2+3@x.example', '@SUM(1+1)*cmd|"/C calc"!A0', '\t=1+1', '\r=1+1'];

beforeEach(() => {
  resetApiRegistry();
  registerBulkHandlers();
});

describe('audit export on the production path', () => {
  it('every cell a spreadsheet would run as a formula arrives as text; ordinary cells are unchanged', async () => {
    const log = await auditLogInstance();
    const base = (i: number): AuditEntry => ({
      id: newAuditId(),
      kind: 'fix',
      store: 'demo-store',
      orderId: String(1000 + i),
      orderName: DANGEROUS[i % DANGEROUS.length]!,
      marketplace: 'amazon',
      before: DANGEROUS[(i + 1) % DANGEROUS.length]!,
      after: DANGEROUS[(i + 2) % DANGEROUS.length]!,
      strategy: { kind: 'fixed', email: DANGEROUS[(i + 3) % DANGEROUS.length]! },
      at: new Date(Date.UTC(2026, 10, 1, 10, i)).toISOString(),
      status: 'failed',
      error: { code: DANGEROUS[(i + 4) % DANGEROUS.length]!, message: 'x' },
      batchId: DANGEROUS[(i + 5) % DANGEROUS.length]!,
    });
    for (let i = 0; i < DANGEROUS.length; i++) await log.add(base(i));
    await log.add({ ...base(99), orderName: '#1099', before: 'buyer@marketplace.amazon.com', after: null, strategy: { kind: 'strip' }, status: 'done', error: undefined, batchId: undefined } as AuditEntry);

    const answer = await sendMessage('auditExportCsv', { store: { handle: 'demo-store' }, filters: {} });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.rows).toBe(DANGEROUS.length + 1);
    const rows = parseCsv(answer.value.csv);
    expect(rows[0]).toEqual(['order name', 'order id', 'marketplace', 'before', 'after', 'strategy', 'when', 'result', 'reason', 'batch']);
    const cells = rows.slice(1).flat();
    // Every dangerous value is in the file, and each behind an apostrophe.
    for (const value of DANGEROUS) expect(cells).toContain(`'${value}`);
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    // The ordinary row reads as written.
    expect(rows.find((r) => r[1] === '1099')).toEqual(['#1099', '1099', 'Amazon', 'buyer@marketplace.amazon.com', '', 'strip', expect.any(String), 'changed', '', '']);
  });
});
