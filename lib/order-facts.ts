/** What the extension knows about one order: from the Admin API when connected, else from the page. */
export interface OrderFacts {
  orderId: string; // numeric id, as in the admin URL
  name: string | null; // "#1001"
  email: string | null;
  phone: string | null;
  customer: { id: string; email: string | null } | null;
  sourceName: string | null;
  sourceIdentifier: string | null; // the marketplace's own order id, e.g. 114-3941689-8772232
  appName: string | null;
  channelName: string | null;
  tags: string[];
  displayFulfillmentStatus: string | null;
  /** proxy_mail_guard.original_email metafield: set when we changed the email. */
  originalEmail: string | null;
  /** proxy_mail_guard.fixed_by metafield: who changed the email (`flow`: the Shopify Flow workflow). */
  fixedBy?: string | null;
  /** When that marker was written (ISO), i.e. when the workflow fixed the order. */
  fixedAt?: string | null;
  via: 'api' | 'page';
}

/** Our marker metafield (namespace proxy_mail_guard): who changed the email. The Shopify Flow workflow writes `flow`. */
export const FIXED_BY_KEY = 'fixed_by';
export const FIXED_BY_FLOW = 'flow';
/** The version of the Flow code that fixed the order (lib/flow.ts). */
export const FLOW_VERSION_KEY = 'flow_version';

/**
 * "Protected by Flow": the workflow changed this order's email when it arrived. Our original-email
 * metafield must still be there: an undo removes it, and an undone order is protected by nothing.
 */
export function protectedByFlow(order: { fixedBy?: string | null; originalEmail?: string | null }): boolean {
  return order.fixedBy === FIXED_BY_FLOW && typeof order.originalEmail === 'string' && order.originalEmail.trim() !== '';
}
