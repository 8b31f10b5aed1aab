/**
 * Email address parsing shared by detection, rewriting and settings.
 *
 * Deliberately stricter than RFC 5322 (no quoted local parts, no comments, no IP literals): an order
 * email that needs those is almost certainly broken data, and we would rather say "not an address"
 * than rewrite something we do not understand. Non-ASCII local parts (RFC 6531) and international
 * domain names are accepted; domains are compared in their ASCII (punycode) form.
 */

export const MAX_ADDRESS_LENGTH = 254; // RFC 5321 path limit minus the angle brackets
export const MAX_LOCAL_LENGTH = 64;

export interface EmailParts {
  /** Local part as written (case kept: some relays, e.g. Walmart's, use upper case). */
  local: string;
  /** Domain as written, trimmed (may be Unicode). */
  domain: string;
  /** Lower-case ASCII form of the domain (punycode for IDN), used for every comparison. */
  asciiDomain: string;
  /** The trimmed address as written. */
  address: string;
}

// RFC 5322 atext, plus any non-ASCII character (internationalised local parts).
// Exported so lib/flow can compile the same syntax into the Shopify Flow code.
export const ATOM = "(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]|[^\\x00-\\x7F])+";
const LOCAL_PART = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`, 'u');
export const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
export const FORBIDDEN_IN_DOMAIN = /[\s/\\?#:@[\]%<>"',;()]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
export const MAX_DOMAIN_LENGTH = 253;

/** A domain in lower-case ASCII form, or null when it is not a usable host name. */
export function asciiDomain(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const raw = input.trim();
  if (raw === '' || raw.length > MAX_DOMAIN_LENGTH * 4 || FORBIDDEN_IN_DOMAIN.test(raw) || CONTROL.test(raw)) return null;
  let ascii: string;
  if (/^[\x21-\x7e]+$/.test(raw)) {
    ascii = raw.toLowerCase();
  } else {
    // WHATWG URL applies UTS #46 (IDNA) mapping: the same conversion browsers and mail clients make.
    try {
      ascii = new URL(`http://${raw}/`).hostname;
    } catch {
      return null;
    }
  }
  if (ascii.length > MAX_DOMAIN_LENGTH) return null;
  const labels = ascii.split('.');
  if (labels.length < 2) return null;
  if (!labels.every((label) => LABEL.test(label))) return null;
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return null; // 10.0.0.1 is not a mail domain
  return ascii;
}

/** Splits a well-formed address; null for anything malformed (never throws). */
export function splitEmail(input: unknown): EmailParts | null {
  if (typeof input !== 'string') return null;
  const address = input.trim();
  if (address === '' || address.length > MAX_ADDRESS_LENGTH || /\s/u.test(address) || CONTROL.test(address)) return null;
  const at = address.indexOf('@');
  if (at <= 0 || address.indexOf('@', at + 1) !== -1) return null;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local)) return null;
  const ascii = asciiDomain(domain);
  if (ascii === null) return null;
  if (local.length + 1 + ascii.length > MAX_ADDRESS_LENGTH) return null;
  return { local, domain, asciiDomain: ascii, address };
}

export function isValidEmail(input: unknown): boolean {
  return splitEmail(input) !== null;
}

/** Comparison key: lower-case local part, ASCII domain. Null when malformed. */
export function normaliseEmail(input: unknown): string | null {
  const parts = splitEmail(input);
  return parts ? `${parts.local.toLowerCase()}@${parts.asciiDomain}` : null;
}

/** True when `host` is `domain` itself or one of its sub-domains (label boundary, never a bare suffix). */
export function isSameOrSubdomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** A blank value (null, undefined, empty or whitespace-only string): "the order has no email". */
export function isBlankEmail(input: unknown): boolean {
  return input === null || input === undefined || (typeof input === 'string' && input.trim() === '');
}
