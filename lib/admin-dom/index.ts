/**
 * Every Shopify admin selector and label text the extension relies on, in one folder.
 *
 * The admin changes its markup between releases, so nothing here matches hashed Polaris class names
 * (`Polaris-Card_1fqes`): only roles, input types, aria attributes, stable names and visible text,
 * read through open shadow roots (Polaris web components keep their text there).
 * Pure modules: functions take the root they search (a Document, an Element or a ShadowRoot) and use
 * no browser global, so fixture tests (test/dom/*-dom.test.ts) run them on saved pages.
 *
 * One module per admin area:
 *   shadow.ts        walking open shadow roots, our own UI mark (shared by all areas)
 *   language.ts      the admin's language from <html lang>
 *   order-page.ts    contact email, order title, where our card goes
 *   notify-boxes.ts  customer-notification checkboxes and their labels (+ the real-admin assumptions table)
 *   dialogs.ts       dialogs opened without a URL change, and their kind
 *   observe.ts       following a re-rendering page (observe / waitFor)
 *   orders-list.ts   the order index: rows, which order each shows, bulk actions that fulfil at once
 * Import from 'lib/admin-dom' (this file), not from the modules: it is the public surface.
 */

export { OWN_MARK, deepElements, deepQueryAll, deepText, queryAllDeep, textDeep } from './shadow';
export { adminLang, orderPageLang, ORDER_PAGE_LANGS, type OrderPageLang } from './language';
export {
  ORDER_PAGE_LABELS,
  findMainArea,
  findOrderTitle,
  findCustomerCard,
  emailFromMailto,
  findContactEmail,
  findCardSlot,
  type ContactEmail,
  type CardSlot,
} from './order-page';
export {
  isCheckbox,
  isBoxChecked,
  findCheckboxes,
  checkboxLabelText,
  findNotifyBoxes,
  notifyLabelAnchor,
  type NotifyBox,
  type NotifyBoxSearch,
} from './notify-boxes';
export { findDialogs, dialogTitle, dialogKind } from './dialogs';
export { observe, waitFor, type ObserveOptions } from './observe';
export {
  orderIdFromHref,
  readRow,
  tableRows,
  findOrdersList,
  hasListLayout,
  findListSlot,
  selectedRows,
  bulkFulfilNowButton,
  BULK_FULFIL_NOW_LABELS,
  type ListRow,
  type OrdersList,
  type ListSlot,
  type UnmatchedReason,
} from './orders-list';
