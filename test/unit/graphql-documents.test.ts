/**
 * Every GraphQL document in lib/ must validate against the pinned Admin schema: a typo in a field name
 * would otherwise surface only against a real store. Documents are found two ways: the exported
 * `ALL_DOCUMENTS` of lib/shopify, and every exported string starting with `#graphql` in any lib/ module
 * (so a document added elsewhere — e.g. by the bulk job — cannot escape the check).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NoUnusedFragmentsRule, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_DOCUMENTS } from '../../lib/shopify/documents';
import { adminSchema } from '../fake-admin-api/schema';

let schema: GraphQLSchema | null = null;
const loadSchema = () => (schema ??= adminSchema());

function errorsOf(document: string): string[] {
  return validate(loadSchema(), parse(document)).map((e) => e.message);
}

function libFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return libFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('GraphQL documents', () => {
  // Building the 2.5 MB schema takes seconds on a busy machine: once, outside the per-test timeout.
  beforeAll(() => void loadSchema(), 60_000);

  it.each(Object.entries(ALL_DOCUMENTS))('%s validates against the pinned schema', (_name, document) => {
    expect(document.trimStart().startsWith('#graphql')).toBe(true);
    expect(errorsOf(document)).toEqual([]);
  });

  it('catches an invalid document (the check can fail)', () => {
    expect(errorsOf('query { order(id: "gid://shopify/Order/1") { emailAddress } }').length).toBeGreaterThan(0);
  });

  it('every exported #graphql document anywhere in lib/ validates too', async () => {
    // Found by scanning sources, so a document added by another module cannot escape the check.
    const files = libFiles(join(__dirname, '../../lib')).filter((file) => readFileSync(file, 'utf8').includes('`#graphql'));
    let checked = 0;
    for (const file of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== 'string' || !value.trimStart().startsWith('#graphql')) continue;
        const hasOperation = /^\s*(query|mutation|subscription)\b/m.test(value);
        const hasFragment = /^\s*fragment\s+\w+\s+on\b/m.test(value);
        if (!hasOperation && !hasFragment) continue; // a bare selection, checked inside the documents using it
        const rules = hasOperation ? undefined : specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);
        const errors = validate(loadSchema(), parse(value), rules).map((e) => e.message);
        expect(errors, `${file.replace(/.*\/lib\//, 'lib/')} ${name}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(Object.keys(ALL_DOCUMENTS).length);
  }, 30_000);
});
