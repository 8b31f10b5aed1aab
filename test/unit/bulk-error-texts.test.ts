/**
 * Every error code the bulk job can put in front of the merchant (a job's error or notice, an order's
 * reason in the failures list) has a sentence in every locale. The codes are read from the source, so
 * a new one without its sentences fails here instead of reaching the dashboard as English fallback text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../lib/i18n';

const ROOT = resolve(__dirname, '../..');
const SOURCES = [...readdirSync(join(ROOT, 'lib/bulk')).filter((f) => f.endsWith('.ts')).map((f) => join('lib/bulk', f)), 'lib/platform/storage-hosts.ts', 'lib/platform/handlers/bulk.ts'];

/** Never shown: audit-only or internal markers (each with where it stays). */
const INTERNAL = new Set([
  'not_applied', // audit entry of an interrupted change that was sent again (lib/bulk/shopify-port.ts)
]);

function codesIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:\bcode: |ApiFailure\()'([a-z_]+)'/g)) found.add(m[1]!);
  return [...found];
}

const CODES = [...new Set(SOURCES.flatMap((f) => codesIn(readFileSync(join(ROOT, f), 'utf8'))))].filter((c) => !INTERNAL.has(c)).sort();

describe('bulk error sentences', () => {
  it('finds the codes the bulk-mutation path added', () => {
    expect(CODES).toEqual(expect.arrayContaining(['bulk_path_unavailable', 'bulk_not_reached', 'storage_not_permitted', 'bulk_upload_refused', 'bulk_mutation_busy', 'job_busy']));
  });
  it.each(LOCALES)('%s has a sentence for every bulk error code', async (locale) => {
    const catalogue: Record<string, { message: string } | undefined> = (await import(`../../public/_locales/${locale}/messages.json`)).default;
    const missing = CODES.filter((code) => !catalogue[`err_${code}`]?.message);
    expect(missing).toEqual([]);
  });
});
