/**
 * Every failure a merchant can meet has a stable `code` (what tests assert on) and parameters;
 * the sentence comes from the locale catalogue (`lib/i18n.ts`, key `err_<code>`), so it can be shown
 * in the admin's language. `message` is the English fallback, for logs-free debugging and tests.
 */
export interface AppError {
  code: string;
  message: string;
  params?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, params?: Record<string, string>): { ok: false; error: AppError } => ({
  ok: false,
  error: params ? { code, message, params } : { code, message },
});
