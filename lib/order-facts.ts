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
  via: 'api' | 'page';
}
