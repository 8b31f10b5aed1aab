/**
 * The customer record's side of a change ("update the customer too", and the bulk job's marketing
 * unsubscribe). Like the order, the customer keeps its own originals ON SHOPIFY, written and confirmed
 * before anything on the customer changes:
 *   proxy_mail_guard.original_email    the customer's email before our first change
 *   proxy_mail_guard.original_consent  its email-marketing consent then (JSON: state, opt-in level, date)
 * so an undo puts both back from any browser, even after a reinstall wiped IndexedDB. The first
 * originals are kept (a later change never overwrites them); an undo removes them once restored.
 * A customer step that fails never fails the order's change: it is reported, and the order stays fixed.
 */
import type { AuditEntry } from '../audit';
import type { AdminClient } from './client';
import { CUSTOMER_EMAIL_UPDATE, ORIGINAL_EMAIL_KEY, ORIGINAL_EMAIL_NAMESPACE, type UserError } from './documents';

export const ORIGINAL_CONSENT_KEY = 'original_consent';

export const CUSTOMER_RECORD_QUERY = `#graphql
  query CustomerRecord($id: ID!) {
    customer(id: $id) {
      id
      email
      emailMarketingConsent { marketingState marketingOptInLevel consentUpdatedAt }
      originalEmail: metafield(namespace: "${ORIGINAL_EMAIL_NAMESPACE}", key: "${ORIGINAL_EMAIL_KEY}") { value }
      originalConsent: metafield(namespace: "${ORIGINAL_EMAIL_NAMESPACE}", key: "${ORIGINAL_CONSENT_KEY}") { value }
    }
  }
`;

export const CUSTOMER_ORIGINALS_SET = `#graphql
  mutation CustomerOriginalsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { key namespace value }
      userErrors { field message }
    }
  }
`;

export const CUSTOMER_ORIGINALS_DELETE = `#graphql
  mutation CustomerOriginalsDelete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields { ownerId namespace key }
      userErrors { field message }
    }
  }
`;

export const CUSTOMER_CONSENT_SET = `#graphql
  mutation CustomerConsentSet($input: CustomerEmailMarketingConsentUpdateInput!) {
    customerEmailMarketingConsentUpdate(input: $input) {
      customer { id emailMarketingConsent { marketingState marketingOptInLevel consentUpdatedAt } }
      userErrors { field message }
    }
  }
`;

export interface Consent {
  marketingState: string;
  marketingOptInLevel: string | null;
  consentUpdatedAt: string | null;
}

interface CustomerRecord {
  id: string;
  email: string | null;
  consent: Consent | null;
  originalEmail: string | null;
  originalConsent: Consent | null;
  /** Which of our metafields exist (an original email may be recorded as "no email"). */
  recorded: { email: boolean; consent: boolean };
}

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

export function customerGid(id: string): string {
  return id.startsWith('gid://') ? id : `gid://shopify/Customer/${id}`;
}

function parseConsent(value: string | null | undefined): Consent | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<Consent>;
    if (typeof parsed.marketingState !== 'string') return null;
    return {
      marketingState: parsed.marketingState,
      marketingOptInLevel: typeof parsed.marketingOptInLevel === 'string' ? parsed.marketingOptInLevel : null,
      consentUpdatedAt: typeof parsed.consentUpdatedAt === 'string' ? parsed.consentUpdatedAt : null,
    };
  } catch {
    return null;
  }
}

async function readCustomer(client: AdminClient, id: string): Promise<CustomerRecord | null> {
  const data = await client.request<{
    customer: {
      id: string;
      email: string | null;
      emailMarketingConsent: Consent | null;
      originalEmail: { value: string } | null;
      originalConsent: { value: string } | null;
    } | null;
  }>(CUSTOMER_RECORD_QUERY, { id: customerGid(id) });
  const c = data?.customer;
  if (!c) return null;
  return {
    id: c.id,
    email: c.email || null,
    consent: c.emailMarketingConsent
      ? { marketingState: c.emailMarketingConsent.marketingState, marketingOptInLevel: c.emailMarketingConsent.marketingOptInLevel ?? null, consentUpdatedAt: c.emailMarketingConsent.consentUpdatedAt ?? null }
      : null,
    // An empty value stands for "the customer had no email".
    originalEmail: c.originalEmail ? c.originalEmail.value.trim() || null : null,
    originalConsent: parseConsent(c.originalConsent?.value),
    recorded: { email: !!c.originalEmail, consent: !!parseConsent(c.originalConsent?.value) },
  };
}

/** Writes the customer's originals not recorded yet; true when the payload shows every one written. */
async function recordOriginals(client: AdminClient, record: CustomerRecord): Promise<boolean> {
  const wanted: Array<{ key: string; value: string }> = [];
  // Shopify refuses an empty single-line value: a customer without an email has nothing to record.
  if (!record.recorded.email && record.email) wanted.push({ key: ORIGINAL_EMAIL_KEY, value: record.email });
  if (!record.recorded.consent && record.consent) wanted.push({ key: ORIGINAL_CONSENT_KEY, value: JSON.stringify(record.consent) });
  if (!wanted.length) return true;
  const metafields = wanted.map((w) => ({ ownerId: record.id, namespace: ORIGINAL_EMAIL_NAMESPACE, key: w.key, type: w.key === ORIGINAL_CONSENT_KEY ? 'json' : 'single_line_text_field', value: w.value }));
  let confirmed = false;
  const payload = await client.request<{ metafieldsSet: { metafields: Array<{ key: string; namespace: string; value: string }> | null; userErrors: UserError[] } | null }>(
    CUSTOMER_ORIGINALS_SET,
    { metafields },
    {
      mutation: true,
      // Writing the same originals twice is harmless; a re-read tells whether a lost one landed.
      verifyApplied: async () => {
        const again = await readCustomer(client, record.id);
        confirmed = !!again && wanted.every((w) => (w.key === ORIGINAL_CONSENT_KEY ? again.recorded.consent : again.recorded.email));
        return confirmed;
      },
    },
  );
  if (payload === null) return confirmed;
  const saved = payload?.metafieldsSet?.metafields ?? [];
  return wanted.every((w) => saved.some((m) => m.namespace === ORIGINAL_EMAIL_NAMESPACE && m.key === w.key));
}

async function setEmail(client: AdminClient, id: string, email: string | null): Promise<boolean> {
  const payload = await client.request<{ customerUpdate: { customer: { email: string | null } | null; userErrors: UserError[] } | null }>(
    CUSTOMER_EMAIL_UPDATE,
    { input: { id, email: email ?? '' } },
    // A lost answer: the customer is re-read, and the email sent again only if it is not there.
    { mutation: true, verifyApplied: async () => same((await readCustomer(client, id))?.email, email) },
  );
  if (payload === null) return true;
  const result = payload?.customerUpdate;
  return !!result && result.userErrors.length === 0 && same(result.customer?.email ?? null, email);
}

/**
 * The customer record's email follows the order's. Its originals are recorded on the customer first;
 * if Shopify will not keep them, the customer is left as it is (the order fix stands, reported so).
 */
export async function changeCustomerEmail(
  client: AdminClient,
  customerId: string,
  before: string | null,
  target: string | null,
): Promise<NonNullable<AuditEntry['customer']>> {
  const unchanged = { id: customerId, before, after: before, updated: false };
  try {
    const record = await readCustomer(client, customerId);
    if (!record || !same(record.email, before)) return unchanged; // someone changed it meanwhile: leave it
    if (!(await recordOriginals(client, record))) return unchanged;
    const updated = await setEmail(client, record.id, target);
    return { id: customerId, before, after: updated ? target : before, updated };
  } catch {
    return unchanged;
  }
}

/**
 * Marketing tools must not email an address we own (or none): the bulk job sets the customer to not
 * subscribed. The previous consent was recorded on the customer when its email was changed (above).
 */
export async function unsubscribeCustomer(client: AdminClient, customerId: string): Promise<boolean> {
  try {
    const record = await readCustomer(client, customerId);
    if (!record) return false;
    if (!(await recordOriginals(client, record))) return false;
    return await setConsent(client, record.id, { marketingState: 'NOT_SUBSCRIBED', marketingOptInLevel: 'SINGLE_OPT_IN', consentUpdatedAt: null });
  } catch {
    return false;
  }
}

/**
 * Undo's customer part: puts back the email and the marketing consent recorded on the customer (or,
 * for changes made before customers carried them, the email the audit log kept), then removes our
 * records. Only for the customer our change moved: its recorded email is the order's original, and
 * it still shows what the order was changed to (a customer edited by hand since is left alone).
 * Answers whether the customer was restored (undefined: nothing of ours to restore).
 */
export async function restoreCustomer(
  client: AdminClient,
  customerId: string,
  order: { original: string | null; changedTo: string | null },
  fromAudit?: NonNullable<AuditEntry['customer']>,
): Promise<boolean | undefined> {
  try {
    const record = await readCustomer(client, customerId);
    if (!record) return undefined;
    const hasRecord = record.recorded.email || record.recorded.consent;
    const email = record.recorded.email ? record.originalEmail : fromAudit?.updated ? fromAudit.before : undefined;
    if (!hasRecord && email === undefined) return undefined;
    if (record.recorded.email && !same(record.originalEmail, order.original)) return undefined; // another order's customer change
    const ours = same(record.email, order.changedTo) || (!!fromAudit && same(record.email, fromAudit.after));
    if (email !== undefined && !same(record.email, email) && !ours) return undefined; // edited by hand since

    let restored = true;
    if (email !== undefined && !same(record.email, email)) restored = await setEmail(client, record.id, email);
    const consent = record.originalConsent;
    if (restored && consent && consent.marketingState !== record.consent?.marketingState) restored = await setConsent(client, record.id, consent);
    if (restored && hasRecord) {
      const keys = [record.recorded.email ? ORIGINAL_EMAIL_KEY : null, record.recorded.consent ? ORIGINAL_CONSENT_KEY : null].filter((k): k is string => k !== null);
      await client.request(
        CUSTOMER_ORIGINALS_DELETE,
        { metafields: keys.map((key) => ({ ownerId: record.id, namespace: ORIGINAL_EMAIL_NAMESPACE, key })) },
        {
          mutation: true,
          verifyApplied: async () => {
            const again = await readCustomer(client, record.id);
            return !!again && !again.recorded.email && !again.recorded.consent;
          },
        },
      );
    }
    return restored;
  } catch {
    return false;
  }
}

async function setConsent(client: AdminClient, id: string, consent: Consent): Promise<boolean> {
  const payload = await client.request<{ customerEmailMarketingConsentUpdate: { userErrors: UserError[] } | null }>(
    CUSTOMER_CONSENT_SET,
    {
      input: {
        customerId: id,
        emailMarketingConsent: {
          marketingState: consent.marketingState,
          ...(consent.marketingOptInLevel ? { marketingOptInLevel: consent.marketingOptInLevel } : {}),
          ...(consent.consentUpdatedAt ? { consentUpdatedAt: consent.consentUpdatedAt } : {}),
        },
      },
    },
    { mutation: true, verifyApplied: async () => (await readCustomer(client, id))?.consent?.marketingState === consent.marketingState },
  );
  if (payload === null) return true;
  return (payload?.customerEmailMarketingConsentUpdate?.userErrors.length ?? 1) === 0;
}
