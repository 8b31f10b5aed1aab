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
  /** proxy_mail_guard.fixed_by metafield: who changed the email (`flow`: the Shopify Flow workflow; `undone`: the merchant undid our fix). */
  fixedBy?: string | null;
  /** When that marker was written (ISO), i.e. when the workflow fixed the order. */
  fixedAt?: string | null;
  via: 'api' | 'page';
}

/** Our marker metafield (namespace proxy_mail_guard): who changed the email. The Shopify Flow workflow writes `flow`. */
export const FIXED_BY_KEY = 'fixed_by';
export const FIXED_BY_FLOW = 'flow';
/**
 * Written by an undo in the same `orderUpdate` that puts the address back: the merchant chose the
 * relay address, so the automatic protection leaves the order alone (on Shopify's side, so every
 * browser and a reinstall know it). A fix by the merchant writes FIXED_BY_EXTENSION over it.
 */
export const FIXED_BY_UNDONE = 'undone';
export const FIXED_BY_EXTENSION = 'extension';
/** The version of the Flow code that fixed the order (lib/flow.ts). */
export const FLOW_VERSION_KEY = 'flow_version';

/**
 * "Protected by Flow": the workflow changed this order's email when it arrived. Our original-email
 * metafield must still be there: an undo removes it, and an undone order is protected by nothing.
 */
export function protectedByFlow(order: { fixedBy?: string | null; originalEmail?: string | null }): boolean {
  return order.fixedBy === FIXED_BY_FLOW && typeof order.originalEmail === 'string' && order.originalEmail.trim() !== '';
}

/** The merchant undid our fix: the order stays as they chose until they fix it themselves (the card still warns). */
export function undoneByMerchant(order: { fixedBy?: string | null }): boolean {
  return order.fixedBy === FIXED_BY_UNDONE;
}
