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
 * Import from 'lib/admin-dom' (this file), not from the modules: it is the public surface (what features use;
 * knip keeps it to that).
 */

export { OWN_MARK, deepText, queryAllDeep, textDeep } from './shadow';
export { adminLang, orderPageLang } from './language';
export {
  findMainArea,
  findOrderTitle,
  findCustomerCard,
  emailFromMailto,
  findContactEmail,
  findCardSlot,
  type CardSlot,
} from './order-page';
export {
  isBoxChecked,
  findCheckboxes,
  checkboxLabelText,
  findNotifyBoxes,
  notifyLabelAnchor,
} from './notify-boxes';
export { findDialogs, dialogKind } from './dialogs';
export { observe, waitFor } from './observe';
export {
  orderIdFromHref,
  readRow,
  findOrdersList,
  hasListLayout,
  findListSlot,
  selectedRows,
  bulkFulfilNowButton,
  type ListRow,
  type OrdersList,
} from './orders-list';
