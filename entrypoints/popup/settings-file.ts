/**
 * Export and import of one store's settings as a JSON file. The file format and its validation are
 * lib/settings.ts's (`exportSettings`, `parseImportedSettings`); this adds what only the popup cares
 * about: a file name, which store a file came from, and refusing any file that carries credentials —
 * settings files are made to be shared and kept, so a token must never travel in one.
 */
import { fail, ok, type Result } from '@/lib/result';
import { exportSettings, parseImportedSettings, type StoreSettings } from '@/lib/settings';
import { WRITE_CHECKS } from '@/lib/extra-domains';

export function exportFileName(handle: string, now = new Date()): string {
  return `proxy-mail-guard-${handle}-${now.toISOString().slice(0, 10)}.json`;
}

export function exportFileText(settings: StoreSettings, handle: string): string {
  return exportSettings(settings, handle);
}

const SECRET_KEY = /token|secret|password|credential|api[_-]?key/i;

function hasSecretKey(value: unknown, depth = 0): boolean {
  if (depth > 6 || value === null || typeof value !== 'object') return false;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (SECRET_KEY.test(key)) return true;
    if (hasSecretKey(inner, depth + 1)) return true;
  }
  return false;
}

export interface ImportedFile {
  settings: StoreSettings;
  /** The store the file was exported from, when it says. */
  fromStore: string | null;
}

export const MAX_IMPORT_BYTES = 100_000;

const tooLarge = () => fail('import_too_large', 'This file is too large to be a settings file.');

/** Checked on the File before any byte of it is read: a huge file is refused, not loaded into memory. */
export function checkImportFileSize(file: { size: number }): Result<void> {
  return file.size > MAX_IMPORT_BYTES ? tooLarge() : ok(undefined);
}

export function readImportFile(text: string): Result<ImportedFile> {
  if (text.length > MAX_IMPORT_BYTES) return tooLarge();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('import_not_json', 'This file is not a settings file (it could not be read).');
  }
  if (hasSecretKey(parsed)) {
    return fail('import_has_credentials', 'This file contains a token or secret. Settings files never hold credentials, so it was not imported.');
  }
  const result = parseImportedSettings(text, WRITE_CHECKS);
  if (!result.ok) return result;
  const store = (parsed as { store?: unknown }).store;
  return ok({ settings: result.value, fromStore: typeof store === 'string' ? store : null });
}
