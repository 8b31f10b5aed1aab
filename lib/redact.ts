/**
 * Access tokens and client secrets must never reach a log, an error message or the UI.
 * Errors are built without them in the first place; this is the safety net for text we did not write
 * (exception messages from fetch, the API client, a server echoing a header back).
 */

// Shopify token prefixes: shpat_ (admin), shpca_ (custom app), shppa_ (private), shpss_ (shared secret), shpua_ …
const SHOPIFY_TOKEN = /\bshp[a-z]{2}_[A-Za-z0-9_-]+/g;

export function redactSecrets(text: string, ...secrets: Array<string | null | undefined>): string {
  let out = text.replace(SHOPIFY_TOKEN, '[redacted]');
  for (const secret of secrets) {
    if (secret && secret.length >= 6) out = out.split(secret).join('[redacted]');
  }
  return out;
}
