/** Where the lazily loaded list script leaves its entry point for the content script (same isolated world). */
export const LIST_MODULE_KEY = Symbol.for('proxy-mail-guard/orders-list');
