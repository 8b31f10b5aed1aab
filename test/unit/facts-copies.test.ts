/**
 * The project carries its own copies of the facts its tests need (Admin schema, relay evidence), so a
 * clone with nothing beside it runs every test. Where the shared facts folder sits beside the clone
 * (the planners' machines, CI), the copies must still equal it; elsewhere these checks are skipped.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN_API_VERSION } from '../../lib/shopify/version';
import { SCHEMA_VERSION, adminSchemaSdl, evidenceFile, factsFile, sharedFileIfPresent } from '../fake-admin-api/paths';

const sharedSchema = sharedFileIfPresent(`shopify/admin-schema-${SCHEMA_VERSION}.graphql`);
const sharedEvidence = ['proxy-domains.source.json', 'proxy-domains.unverified.json', 'README.md'].map(
  (name) => [name, sharedFileIfPresent(`marketplaces/${name}`)] as const,
);

const sharedFacts = ['ADMIN-UI.md', 'API-FACTS.md', 'FLOW.md', 'SOURCE.md', 'admin-labels.json'].map(
  (name) => [name, sharedFileIfPresent(`shopify/${name}`)] as const,
);

describe('facts kept inside the project', () => {
  it('the schema copy is the version the client speaks', () => {
    expect(SCHEMA_VERSION).toBe(ADMIN_API_VERSION);
    expect(adminSchemaSdl()).toMatch(/type Mutation \{/);
    expect(adminSchemaSdl()).toMatch(/orderUpdate\(/);
  });

  it.skipIf(!sharedSchema)('the schema copy equals ../shared/shopify', () => {
    expect(adminSchemaSdl() === readFileSync(sharedSchema!, 'utf8'), 'refresh test/facts/ with gzip -9').toBe(true);
  });

  it.each(sharedEvidence.filter(([, shared]) => shared))('evidence %s equals ../shared/marketplaces', (name, shared) => {
    expect(readFileSync(evidenceFile(name), 'utf8'), `copy ../shared/marketplaces/${name} into lib/marketplace-evidence/`).toBe(
      readFileSync(shared!, 'utf8'),
    );
  });

  it.each(sharedFacts.filter(([, shared]) => shared))('Shopify facts %s equal ../shared/shopify', (name, shared) => {
    expect(readFileSync(factsFile(name), 'utf8'), `copy ../shared/shopify/${name} into test/facts/`).toBe(readFileSync(shared!, 'utf8'));
  });
});
