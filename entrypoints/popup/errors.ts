import type { Translate } from '@/lib/i18n';
import type { AppError } from '@/lib/result';

/** The merchant's sentence for an error code (`err_<code>`), falling back to the English message. */
export function errorText(t: Translate, error: AppError): string {
  const key = `err_${error.code}`;
  const text = t(key, error.params);
  return text === key ? error.message : text;
}
