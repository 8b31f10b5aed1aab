/**
 * Contract between the sandbox shell (ORDER-PAGE) and the notify-guard surfaces
 * (test/sandbox/app/surfaces/*.tsx, NOTIFY-GUARD). Each surface file default-exports a React
 * component taking SurfaceProps.
 *   fulfil.tsx   — page at /store/{h}/orders/{id}/fulfillment_orders/{foId}/fulfill
 *                  (mode 'mark-as-fulfilled' when opened from "Mark as fulfilled": same URL + ?mark=1)
 *   refund.tsx   — page at /store/{h}/orders/{id}/refund
 *   tracking.tsx — dialog on the order page (no URL change), from "Add tracking"/"Edit tracking"
 *   cancel.tsx   — dialog on the order page (no URL change), from ⋯ More actions → "Cancel order"
 */
import type { SandboxOrder } from './api';
import type { SandboxLang } from './i18n';

export interface SurfaceProps {
  handle: string;
  /** Numeric order id, as in the URL. */
  orderId: string;
  /** The order as the sandbox page loaded it (re-loaded after `refresh()`). */
  order: SandboxOrder;
  lang: SandboxLang;
  /** fulfil only: numeric fulfillment order id from the URL. */
  fulfillmentOrderId?: string;
  /** fulfil only. */
  mode?: 'fulfil-items' | 'mark-as-fulfilled';
  /** tracking only: gid of the fulfillment whose tracking is added/edited. */
  fulfillmentId?: string;
  /** Client-side navigation (pushState), e.g. back to the order page after submitting. */
  navigate(path: string): void;
  /** Re-reads the order from the fake API. */
  refresh(): Promise<void>;
  /** Dialog surfaces: closes the dialog (page surfaces: navigates back to the order). */
  close(): void;
}
