import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** Repository root: this file lives in test/fake-admin-api/. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The facts the tests need travel with the project, so a clone with nothing beside it can run every
 * test: the Admin schema (gzip) and the Shopify facts (ADMIN-UI.md, API-FACTS.md, FLOW.md, …) in test/facts/,
 * the relay evidence in lib/marketplace-evidence/.
 * Their source is the shared facts folder beside the repository; test/unit/facts-copies.test.ts compares
 * the copies with it only where that folder exists.
 */
export const FACTS_DIR = path.resolve(REPO_ROOT, 'test/facts');
export const EVIDENCE_DIR = path.resolve(REPO_ROOT, 'lib/marketplace-evidence');
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');

export const SCHEMA_VERSION = '2025-01';
const SCHEMA_GZ = path.resolve(FACTS_DIR, `admin-schema-${SCHEMA_VERSION}.graphql.gz`);

let schemaSdl: string | undefined;

/** The pinned Admin schema as SDL, from the project's own compressed copy. */
export function adminSchemaSdl(): string {
  schemaSdl ??= gunzipSync(readFileSync(SCHEMA_GZ)).toString('utf8');
  return schemaSdl;
}

/** A Shopify facts file of the project (test/facts/). */
export function factsFile(name: string): string {
  return path.resolve(FACTS_DIR, name);
}

/** A marketplace evidence file (proxy-domains.source.json, …) from the project's own copy. */
export function evidenceFile(name: string): string {
  const file = path.resolve(EVIDENCE_DIR, name);
  if (!existsSync(file)) throw new Error(`Fake Admin API: missing evidence file ${file}`);
  return file;
}

/** A file of the shared facts folder, or null when the folder is not beside this clone. */
export function sharedFileIfPresent(relative: string): string | null {
  const file = path.resolve(SHARED_DIR, relative);
  return existsSync(file) ? file : null;
}
