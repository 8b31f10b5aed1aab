import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: this file lives in test/fake-admin-api/. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared facts sit beside the repository (CI clones the repo with shared/ next to it). */
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');

export function sharedFile(relative: string): string {
  const file = path.resolve(SHARED_DIR, relative);
  if (!existsSync(file)) {
    throw new Error(
      `Fake Admin API: missing shared file ${file}. The tests expect the shared facts folder ` +
        `beside the repository (../shared from ${REPO_ROOT}); clone or copy it there.`,
    );
  }
  return file;
}
