import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { sharedFile } from './paths.ts';

export const SCHEMA_FILE = 'shopify/admin-schema-2025-01.graphql';

let cached: GraphQLSchema | undefined;

/**
 * The real Admin schema (2.5 MB SDL, ~0.6 s to build): built once per process, on first use,
 * and shared by every fake server in that process.
 */
export function adminSchema(): GraphQLSchema {
  if (!cached) {
    const sdl = readFileSync(sharedFile(SCHEMA_FILE), 'utf8');
    // assumeValidSDL: the file is graphql-js's own printSchema output; skipping SDL validation
    // saves a third of the build time.
    cached = buildSchema(sdl, { assumeValidSDL: true });
  }
  return cached;
}
