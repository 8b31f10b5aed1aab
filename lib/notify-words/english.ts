import type { WordBook } from './types';

/**
 * English: always loaded (the content script bundles it), because admins in every language mix
 * English words into their labels and a missing `<html lang>` must not blind the guard.
 */
export const ENGLISH: WordBook = {
  notify: ['notif', 'send', 'email', 'alert', 'message', 'tell'],
  strongNotify: ['notif'],
  recipient: ['customer', 'buyer', 'client', 'recipient', 'purchaser'],
  subject: ['ship', 'tracking', 'deliver', 'fulfil', 'dispatch', 'parcel', 'package', 'invoice', 'refund', 'cancel'],
  restock: ['restock', 'stock', 'inventor', 'return items to'],
  marketing: ['marketing', 'newsletter', 'news', 'offer', 'promo', 'subscri', 'consent'],
  notAMessage: ['send me', 'email me', 'notify me', 'copy to me', 'staff', 'myself', 'profile'],
  dialogs: {
    tracking: ['tracking', 'track'],
    cancel: ['cancel'],
    fulfil: ['fulfil', 'mark as fulfil'],
    refund: ['refund'],
    'order-edit': ['edit order'],
  },
};
