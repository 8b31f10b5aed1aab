/**
 * Failures of the Admin API layer as stable codes (`err_<code>` in every locale catalogue).
 * Inside lib/shopify a failure travels as a thrown `ApiFailure` (so operations read top-to-bottom);
 * every exported operation catches it and answers a `Result`.
 */
import { fail, type AppError, type Result } from '../result';
import { redactSecrets } from '../redact';

/** Every code this layer (and the messaging transport) can answer; each has `err_<code>` in all locales. */
export const API_ERROR_CODES = [
  'not_connected',
  'token_invalid',
  'token_expired',
  'client_credentials_rejected',
  'scope_missing',
  'order_not_found',
  'user_error',
  'store_unreachable',
  'server_error',
  'throttled_too_long',
  'strip_rejected_by_shopify',
  'change_not_confirmed',
  'original_not_saved',
  'applied_with_warning',
  'nothing_to_restore',
  'api_error',
  'store_invalid',
  'invalid_credentials',
  'internal_error',
  'extension_unreachable',
  'no_tab',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export class ApiFailure extends Error {
  readonly code: string;
  readonly params?: Record<string, string>;
  constructor(code: ApiErrorCode | string, message: string, params?: Record<string, string>) {
    super(redactSecrets(message));
    this.name = 'ApiFailure';
    this.code = code;
    if (params) this.params = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, redactSecrets(v)]));
  }
  toAppError(): AppError {
    return this.params ? { code: this.code, message: this.message, params: this.params } : { code: this.code, message: this.message };
  }
}

/** Runs an operation and turns any failure into a Result; unexpected exceptions keep a redacted message. */
export async function asResult<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof ApiFailure) return { ok: false, error: error.toAppError() };
    const message = error instanceof Error ? error.message : String(error);
    return fail('internal_error', redactSecrets(message));
  }
}
