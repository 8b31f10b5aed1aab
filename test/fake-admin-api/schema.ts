import { buildSchema, type GraphQLSchema } from 'graphql';
import { adminSchemaSdl } from './paths.ts';

let cached: GraphQLSchema | undefined;

/**
 * The real Admin schema (2.5 MB SDL, ~0.6 s to build): built once per process, on first use,
 * and shared by every fake server in that process.
 */
export function adminSchema(): GraphQLSchema {
  if (!cached) {
    const sdl = adminSchemaSdl();
    // assumeValidSDL: the file is graphql-js's own printSchema output; skipping SDL validation
    // saves a third of the build time.
    cached = buildSchema(sdl, { assumeValidSDL: true });
  }
  return cached;
}
